public import Foundation
public import HotlineDomain

/// A new ticket as the intake records it: the row in state `received` and its
/// `ticket.received` event, which names the ticket's id and the time it was received.
public struct ReceivedTicket: Sendable {
    public var number: TicketNumber
    public var request: TicketRequest
    /// Who reported it from which community, for a grid worker's own finding.
    public var gridReport: GridReport?
    public var event: Event<TicketReceived>
    /// The trace the event joins.
    public var trace: TraceContext?

    public init(
        number: TicketNumber, request: TicketRequest, gridReport: GridReport?, event: Event<TicketReceived>,
        trace: TraceContext?
    ) {
        self.number = number
        self.request = request
        self.gridReport = gridReport
        self.event = event
        self.trace = trace
    }

    public var id: UUID { event.metadata.ticketId }
    public var receivedAt: Date { event.metadata.occurredAt }
}
