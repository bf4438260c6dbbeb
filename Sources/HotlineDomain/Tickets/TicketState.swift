/// Where a ticket stands in its life.
public enum TicketState: String, Codable, Sendable, CaseIterable {
    /// Recorded by an operator, not yet classified.
    case received
    /// The classifier was not confident enough: waits in the review queue for an operator.
    case needsReview = "needs_review"
    /// Category and urgency decided, waiting for dispatch.
    case classified
    /// Sent to a unit's queue, waiting to be signed for.
    case dispatched
    /// Signed for by the unit (签收) and being handled.
    case inProgress = "in_progress"
    /// Sent back by the unit (退单); waits for the center or a sub-center to re-dispatch it.
    case sentBack = "sent_back"
    /// Handed up (上交) for policy or funding; waits for the higher level's answer.
    case handedUp = "handed_up"
    /// The unit reported its result (双反馈); waits for the return visit.
    case resolved
    /// The return visit is recorded; the ticket is closed unless reopened.
    case closed
    /// Closed at intake by an answer from the knowledge base (直接答复).
    case answeredDirectly = "answered_directly"
}

extension TicketState {
    /// Still a unit's work: dispatched, being handled, handed up, or sent back for re-dispatch.
    public var isOpenForHandling: Bool {
        switch self {
        case .dispatched, .inProgress, .handedUp, .sentBack: true
        case .received, .needsReview, .classified, .resolved, .closed, .answeredDirectly: false
        }
    }
}
