public import HotlineDomain

/// Turns what the operator entered and what the classifier found into the ticket's
/// classification. An operator's explicit choice wins; a model's guess whose first level is less
/// probable than the review threshold is never dispatched silently but waits for an operator
/// (a wrong first level is a wrong dispatch; `Evaluation.reviewThreshold(forAccuracy:)` chooses
/// the threshold on labelled requests).
public struct ClassificationRule: Sendable {
    public let catalog: Catalog
    public let cues: UrgencyCues
    /// First-level probability below which an operator must review.
    public let reviewThreshold: Double

    public init(catalog: Catalog, cues: UrgencyCues, reviewThreshold: Double) {
        self.catalog = catalog
        self.cues = cues
        self.reviewThreshold = reviewThreshold
    }

    public func decide(_ request: ReceivedRequest, classification: Classification) -> TicketClassified {
        let place = classification.place
        if let chosen = request.categoryCode.flatMap({ catalog[$0] }), chosen.isLeaf {
            let path = catalog.path(to: chosen.code)
            return TicketClassified(
                categoryCode: chosen.code, level1Code: path.first, level2Code: path.dropFirst().first,
                urgency: request.urgency ?? cues.tier(of: request.text, leafDefault: chosen.defaultUrgency ?? .general),
                confidence: 1, method: .operatorChoice, districtCode: place.districtCode,
                townshipCode: place.townshipCode)
        }
        guard let leaf = classification.leafCode else {
            return TicketClassified(
                categoryCode: nil, urgency: request.urgency ?? classification.urgency, confidence: 0,
                method: .unresolved,
                districtCode: place.districtCode, townshipCode: place.townshipCode, reviewRequired: true)
        }
        return TicketClassified(
            categoryCode: leaf, level1Code: classification.level1, level2Code: classification.level2,
            urgency: request.urgency ?? classification.urgency, confidence: classification.confidence, method: .model,
            districtCode: place.districtCode, townshipCode: place.townshipCode,
            reviewRequired: classification.level1Confidence < reviewThreshold)
    }
}
