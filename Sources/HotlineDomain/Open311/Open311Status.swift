/// A request's status as Open311 tells it: open while the city works on it, closed once the
/// responsible unit reported its result (and after the return visit, or an answer given at once).
public enum Open311Status: String, Sendable, CaseIterable {
    case open
    case closed

    public init(_ state: TicketState) {
        switch state {
        case .resolved, .closed, .answeredDirectly: self = .closed
        case .received, .needsReview, .classified, .dispatched, .inProgress, .sentBack, .handedUp: self = .open
        }
    }

    /// The ticket states shown with this status.
    public var states: [TicketState] { TicketState.allCases.filter { Open311Status($0) == self } }
}
