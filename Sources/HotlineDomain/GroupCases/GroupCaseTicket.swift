public import Foundation

/// A ticket linked to a group case, as the case shows it: no caller data, the place only as
/// its township.
public struct GroupCaseTicket: Sendable, Equatable {
    public var id: UUID
    public var number: String
    public var state: TicketState
    /// The unit leading it; nil before dispatch.
    public var unitCode: String?
    public var townshipCode: String?
    public var receivedAt: Date

    public init(
        id: UUID, number: String, state: TicketState, unitCode: String?, townshipCode: String?, receivedAt: Date
    ) {
        self.id = id
        self.number = number
        self.state = state
        self.unitCode = unitCode
        self.townshipCode = townshipCode
        self.receivedAt = receivedAt
    }
}
