public import Foundation

/// A ticket on a township's leadership-meeting agenda (unresolved the policy's days after its
/// dispatch), and the meeting's decision once recorded. Carries no caller data.
public struct MeetingAgendaItem: Sendable, Equatable {
    public var id: Int64
    public var unitCode: String
    public var ticketId: UUID
    public var ticketNumber: String
    public var categoryCode: String?
    public var urgency: UrgencyTier
    /// The ticket's state now.
    public var state: TicketState
    /// When the ticket went on the agenda.
    public var placedAt: Date
    /// When it was dispatched to the unit (the meeting timer counts from there).
    public var dispatchedAt: Date?
    /// Nil while the meeting has not decided.
    public var decision: MeetingDecision?
    public var decidedAt: Date?

    public init(
        id: Int64, unitCode: String, ticketId: UUID, ticketNumber: String, categoryCode: String?,
        urgency: UrgencyTier, state: TicketState, placedAt: Date, dispatchedAt: Date?, decision: MeetingDecision?,
        decidedAt: Date?
    ) {
        self.id = id
        self.unitCode = unitCode
        self.ticketId = ticketId
        self.ticketNumber = ticketNumber
        self.categoryCode = categoryCode
        self.urgency = urgency
        self.state = state
        self.placedAt = placedAt
        self.dispatchedAt = dispatchedAt
        self.decision = decision
        self.decidedAt = decidedAt
    }
}
