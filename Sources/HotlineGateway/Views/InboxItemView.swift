import Foundation
import HotlineDomain

/// One inbox item as the API and the live stream show it.
struct InboxItemView: Encodable {
    var id: Int64
    /// The item's place in commit order: the SSE event id, and what `Last-Event-ID` resumes from.
    var position: String
    var unitCode: String
    var kind: InboxKind
    /// Absent for notices about no single ticket (early warnings).
    var ticketId: UUID?
    var ticketNumber: String?
    var eventId: UUID
    var dueAt: Date?
    var note: String?
    var createdAt: Date
    var readAt: Date?
    var acknowledgedAt: Date?
    var acknowledgedBy: String?

    enum CodingKeys: String, CodingKey {
        case id, position, kind, note
        case unitCode = "unit_code"
        case ticketId = "ticket_id"
        case ticketNumber = "ticket_number"
        case eventId = "event_id"
        case dueAt = "due_at"
        case createdAt = "created_at"
        case readAt = "read_at"
        case acknowledgedAt = "acknowledged_at"
        case acknowledgedBy = "acknowledged_by"
    }

    init(_ item: InboxItem) {
        id = item.id
        position = item.position.description
        unitCode = item.unitCode
        kind = item.kind
        ticketId = item.ticketId
        ticketNumber = item.ticketNumber
        eventId = item.eventId
        dueAt = item.dueAt
        note = item.note
        createdAt = item.createdAt
        readAt = item.readAt
        acknowledgedAt = item.acknowledgedAt
        acknowledgedBy = item.acknowledgedBy
    }
}
