import HotlineDomain

/// Every document the models learn from, labelled: each catalog leaf's name, its parent's name
/// (at half weight), its keywords and examples; the training requests; operators' corrections
/// (at `RequestClassifier.correctionWeight`). Documents naming an unknown leaf are left out.
struct TrainingCorpus: Sendable {
    /// One document with its labels; `leaf` indexes the catalog's leaves.
    struct Document: Sendable {
        var text: String
        var leaf: Int
        var weight: Float
        var urgency: UrgencyTier?
        var type: TicketType?
        /// A whole request (a training request or a correction) rather than a catalog entry's words.
        var isRequest: Bool
    }

    private(set) var documents: [Document] = []
    private(set) var correctionCount = 0

    /// Catalog entries weigh this much against a training request.
    static let catalogWeight: Float = 1
    static let parentNameWeight: Float = 0.5

    init(
        catalog: Catalog, cues: UrgencyCues, data: ClassifierData, corrections: [LabelledExample],
        leafIndex: [String: Int]
    ) {
        for (index, leaf) in catalog.leaves.enumerated() {
            let defaultUrgency = leaf.defaultUrgency ?? .general
            add(leaf.name, leaf: index, weight: Self.catalogWeight)
            if let parent = leaf.parentCode.flatMap({ catalog[$0] }) {
                add(parent.name, leaf: index, weight: Self.parentNameWeight)
            }
            for keyword in leaf.keywords { add(keyword, leaf: index, weight: Self.catalogWeight) }
            for example in leaf.examples {
                add(
                    example, leaf: index, weight: Self.catalogWeight,
                    urgency: cues.tier(of: example, leafDefault: defaultUrgency))
            }
        }
        for request in data.requests {
            guard let index = request.leafCode.flatMap({ leafIndex[$0] }) else { continue }
            add(request.text, leaf: index, weight: 1, urgency: request.urgency, type: request.type, isRequest: true)
        }
        for correction in corrections {
            guard let index = leafIndex[correction.leafCode] else { continue }
            add(
                correction.text, leaf: index, weight: RequestClassifier.correctionWeight, urgency: correction.urgency,
                isRequest: true)
            correctionCount += 1
        }
    }

    private mutating func add(
        _ text: String, leaf: Int, weight: Float, urgency: UrgencyTier? = nil, type: TicketType? = nil,
        isRequest: Bool = false
    ) {
        documents.append(
            Document(text: text, leaf: leaf, weight: weight, urgency: urgency, type: type, isRequest: isRequest))
    }
}
