/// Whether the requests stopped after a recurring problem was proposed to its township: the
/// whole weeks since the judged week, the requests about the leaf in the township in them, and
/// the verdict once `weeksToJudge` weeks have passed. The requests stopped when their weekly
/// rate came down at least halfway from the unusual weeks' to what the rest of the district led
/// one to expect. Pure.
public struct RecurrenceFollowUp: Sendable, Equatable, Codable {
    /// Where the follow-up stands.
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Fewer than `weeksToJudge` weeks have passed.
        case watching
        /// The weekly requests came down at least halfway to the usual level.
        case stopped
        /// They did not.
        case continuing
    }

    /// Whole weeks after the proposal before it is judged.
    public static let weeksToJudge = 4

    /// Whole weeks since the judged week ended.
    public var weeks: Int
    /// Requests about the leaf in the township in those weeks.
    public var requests: Int
    /// Requests a week in the unusual weeks that showed the problem.
    public var weeklyBefore: Double
    /// Requests a week the rest of the district led one to expect in them.
    public var weeklyUsual: Double
    public var status: Status

    /// The follow-up of `proposal` after `weeks` whole weeks with `requests` requests.
    public init(weeks: Int, requests: Int, after proposal: ProposedRecurrence) {
        self.weeks = weeks
        self.requests = requests
        let unusualWeeks = Double(max(1, proposal.unusualWeeks.count))
        weeklyBefore = Double(proposal.requests) / unusualWeeks
        weeklyUsual = proposal.expected / unusualWeeks
        if weeks < Self.weeksToJudge {
            status = .watching
        } else {
            status = Double(requests) / Double(weeks) <= (weeklyBefore + weeklyUsual) / 2 ? .stopped : .continuing
        }
    }

    enum CodingKeys: String, CodingKey {
        case weeks, requests, status
        case weeklyBefore = "weekly_before"
        case weeklyUsual = "weekly_usual"
    }
}
