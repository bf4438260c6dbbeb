import Foundation
import HotlineDomain

/// One item of a unit's inbox as the workbench lists it: its kind, the ticket (linked), the
/// due time's countdown, and whether the unit has read and acknowledged it. The live stream's
/// items are rendered by `workbench.js` from the same fields.
enum InboxRow {
    /// The row of `item`.
    static func data(_ item: InboxItem, words: TicketWords) -> [String: Any] {
        var row: [String: Any] = [
            "id": String(item.id), "kind": item.kind.rawValue, "kindLabel": words.kind(item.kind),
            "ticketId": item.ticketId?.uuidString.lowercased() ?? "", "hasTicket": item.ticketId != nil,
            "ticketNumber": item.ticketNumber ?? "",
            "note": item.note ?? "", "hasNote": !(item.note ?? "").isEmpty, "createdAt": CityTime.iso(item.createdAt),
            "created": CityTime.shown(item.createdAt), "read": item.readAt != nil,
            "acknowledged": item.acknowledgedAt != nil, "acknowledgedBy": item.acknowledgedBy ?? "",
        ]
        if let due = item.dueAt {
            row["dueAt"] = CityTime.iso(due)
            row["hasDue"] = true
        }
        return row
    }
}
