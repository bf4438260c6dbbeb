public import Foundation

/// A notice in a unit's inbox, as stored, with its read and acknowledged state.
public struct InboxItem: Sendable, Equatable {
    public var id: Int64
    /// Where the item stands in the order every inbox stream follows.
    public var position: InboxPosition
    public var unitCode: String
    public var kind: InboxKind
    /// The ticket the item is about; nil for notices about no single ticket (an early warning).
    public var ticketId: UUID?
    public var ticketNumber: String?
    /// The event that caused it.
    public var eventId: UUID
    public var dueAt: Date?
    public var note: String?
    public var createdAt: Date
    public var readAt: Date?
    public var acknowledgedAt: Date?
    public var acknowledgedBy: String?

    public init(
        id: Int64, position: InboxPosition, unitCode: String, kind: InboxKind, ticketId: UUID?, ticketNumber: String?,
        eventId: UUID, dueAt: Date?, note: String?, createdAt: Date, readAt: Date? = nil, acknowledgedAt: Date? = nil,
        acknowledgedBy: String? = nil
    ) {
        self.id = id
        self.position = position
        self.unitCode = unitCode
        self.kind = kind
        self.ticketId = ticketId
        self.ticketNumber = ticketNumber
        self.eventId = eventId
        self.dueAt = dueAt
        self.note = note
        self.createdAt = createdAt
        self.readAt = readAt
        self.acknowledgedAt = acknowledgedAt
        self.acknowledgedBy = acknowledgedBy
    }
}
