/// Where a group case (群体诉求) stands. The raw value is stored in `group_requests.state` and
/// shown by the API.
public enum GroupCaseState: String, Codable, Sendable, CaseIterable {
    /// At least one linked ticket is unresolved; later matching tickets join the case.
    case open
    /// No linked ticket remains unresolved.
    case resolved

    /// The state of a case whose linked tickets are in `states`: resolved once none of them
    /// still waits for its result.
    public static func settled(by states: [TicketState]) -> GroupCaseState {
        states.contains(where: \.awaitsResult) ? .open : .resolved
    }
}

extension TicketState {
    /// Not yet resolved: anything before the unit's result (`resolved`, `closed`, answered directly).
    public var awaitsResult: Bool {
        switch self {
        case .received, .needsReview, .classified, .dispatched, .inProgress, .sentBack, .handedUp: true
        case .resolved, .closed, .answeredDirectly: false
        }
    }
}
