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
    /// Closed at intake by an answer from the knowledge base (直接答复).
    case answeredDirectly = "answered_directly"
}
