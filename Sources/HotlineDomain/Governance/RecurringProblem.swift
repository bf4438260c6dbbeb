/// A problem that keeps coming back in one place, found before the next call: the evidence a
/// township receives with the proactive task it is proposed.
public struct RecurringProblem: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        /// Unusual in most of the last weeks.
        case persistent
        /// Unusual in the same weeks a year ago, proposed ahead of the season.
        case seasonal
    }

    public var kind: Kind
    /// The weeks (indexes into the series) found unusual.
    public var unusualWeeks: [Int]
    /// Requests in those weeks.
    public var requests: Int
    /// Requests the rest of the district would have led one to expect in those weeks.
    public var expected: Double

    public init(kind: Kind, unusualWeeks: [Int], requests: Int, expected: Double) {
        self.kind = kind
        self.unusualWeeks = unusualWeeks
        self.requests = requests
        self.expected = expected
    }
}
