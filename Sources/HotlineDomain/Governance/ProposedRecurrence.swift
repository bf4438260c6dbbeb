public import Foundation

/// A recurring problem as stored and served: a catalog leaf that kept coming back in one
/// township, proposed to the township as a proactive task (未诉先办) with the evidence.
public struct ProposedRecurrence: Sendable, Equatable, Codable {
    public var id: UUID
    public var leafCode: String
    public var leafName: String?
    public var townshipCode: String
    public var districtCode: String
    /// The first day of the week the scan judged (the week that had just ended), `YYYY-MM-DD`.
    public var weekStart: String
    public var kind: RecurringProblem.Kind
    /// The first days of the unusual weeks, `YYYY-MM-DD`, oldest first.
    public var unusualWeeks: [String]
    /// Requests in those weeks.
    public var requests: Int
    /// What the rest of the district led one to expect in them.
    public var expected: Double
    public var proposedAt: Date
    /// Whether the requests stopped since (nil where it was not asked, as when the scan stores it).
    public var followUp: RecurrenceFollowUp?

    public init(
        id: UUID, leafCode: String, leafName: String?, townshipCode: String, districtCode: String, weekStart: String,
        kind: RecurringProblem.Kind, unusualWeeks: [String], requests: Int, expected: Double, proposedAt: Date
    ) {
        self.id = id
        self.leafCode = leafCode
        self.leafName = leafName
        self.townshipCode = townshipCode
        self.districtCode = districtCode
        self.weekStart = weekStart
        self.kind = kind
        self.unusualWeeks = unusualWeeks
        self.requests = requests
        self.expected = expected
        self.proposedAt = proposedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, requests, expected
        case leafCode = "leaf_code"
        case leafName = "leaf_name"
        case townshipCode = "township_code"
        case districtCode = "district_code"
        case weekStart = "week_start"
        case unusualWeeks = "unusual_weeks"
        case proposedAt = "proposed_at"
        case followUp = "follow_up"
    }

    /// The township's inbox note: the problem and the evidence, in a line.
    public var note: String {
        let name = leafName ?? leafCode
        let expectedText = (expected * 10).rounded() / 10
        switch kind {
        case .persistent:
            return "\(name)：近期\(unusualWeeks.count)周反复出现，共\(requests)件，按全区情况预期约\(expectedText)件，建议主动治理"
        case .seasonal:
            return "\(name)：去年同期\(unusualWeeks.count)周偏多，共\(requests)件（预期约\(expectedText)件），建议提前处置"
        }
    }
}
