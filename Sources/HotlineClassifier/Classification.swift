public import HotlineDomain

/// What the classifier makes of one request.
public struct Classification: Sendable, Equatable {
    /// A catalog leaf with its probability.
    public struct Candidate: Sendable, Equatable {
        public var leafCode: String
        public var probability: Double

        public init(leafCode: String, probability: Double) {
            self.leafCode = leafCode
            self.probability = probability
        }
    }

    /// The leaf, nil when no word of the request is known to the model.
    public var leafCode: String?
    /// First, second and third level codes of the leaf (empty when unknown).
    public var path: [String]
    public var urgency: UrgencyTier
    public var place: PlaceResolution
    /// The probability of the leaf, 0 when unknown.
    public var confidence: Double
    /// The probability that the first level is right (the leaf's siblings count for it).
    public var level1Confidence: Double
    /// The runners-up, most probable first, for an operator reviewing the ticket.
    public var candidates: [Candidate]
    /// What the caller wants, nil when the model cannot tell.
    public var requestType: TicketType?

    public init(
        leafCode: String?, path: [String], urgency: UrgencyTier, place: PlaceResolution, confidence: Double,
        level1Confidence: Double, candidates: [Candidate], requestType: TicketType? = nil
    ) {
        self.leafCode = leafCode
        self.path = path
        self.urgency = urgency
        self.place = place
        self.confidence = confidence
        self.level1Confidence = level1Confidence
        self.candidates = candidates
        self.requestType = requestType
    }

    public var level1: String? { path.count > 0 ? path[0] : nil }
    public var level2: String? { path.count > 1 ? path[1] : nil }
    public var level3: String? { path.count > 2 ? path[2] : nil }
}
