/// A request whose right answer is known: an operator's correction, or a test case.
public struct LabelledExample: Sendable, Equatable {
    public var text: String
    public var location: String
    public var leafCode: String
    public var urgency: UrgencyTier?

    public init(text: String, location: String = "", leafCode: String, urgency: UrgencyTier? = nil) {
        self.text = text
        self.location = location
        self.leafCode = leafCode
        self.urgency = urgency
    }
}
