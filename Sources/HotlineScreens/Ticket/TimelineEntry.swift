import Foundation
import HotlineDomain
import HotlineStorage

/// One event of a ticket's history as the timeline shows it: when, what happened (in the
/// catalog's words: the handling action, the SLA notice, or the event type), which unit, who,
/// and the texts the event carries (notes, reasons, feedback) as the use case returned them.
enum TimelineEntry {
    /// The payload fields shown as the event's notes, in this order.
    static let noteFields = [
        "reason", "person", "note", "feedback_to_caller", "feedback_to_center", "duty", "departments", "deadline",
    ]

    /// The entry of `entry`; `unitNames` names units by code.
    static func data(_ entry: HistoryEntry, unitNames: [String: String], words: TicketWords) -> [String: Any] {
        let payload = entry.payload
        let unit = payload["unit_code"].flatMap(\.text)
        let notes: [[String: Any]] = noteFields.compactMap { field in
            guard let text = payload[field].flatMap(\.text), !text.isEmpty else { return nil }
            return ["label": words.text("ticket.field.\(field)"), "text": text]
        }
        return [
            "at": CityTime.iso(entry.occurredAt), "shown": CityTime.shown(entry.occurredAt),
            "type": entry.eventType, "what": what(entry, words: words),
            "unit": unit.map { code in unitNames[code].map { "\($0) (\(code))" } ?? code } ?? "",
            "hasUnit": unit != nil, "actor": payload["actor"].flatMap(\.text) ?? "",
            "hasActor": payload["actor"] != nil, "notes": notes, "hasNotes": !notes.isEmpty,
        ]
    }

    /// What happened, in words.
    static func what(_ entry: HistoryEntry, words: TicketWords) -> String {
        switch EventType(rawValue: entry.eventType) {
        case .ticketHandled:
            if let action = entry.payload["action"].flatMap(\.text).flatMap(HandlingAction.init(rawValue:)) {
                return words.action(action)
            }
        case .slaTimerFired:
            if let kind = entry.payload["kind"].flatMap(\.text) { return words.text("ticket.sla.\(kind)") }
        default: break
        }
        return words.text("ticket.event.\(entry.eventType.replacingOccurrences(of: ".", with: "_"))")
    }
}

extension JSONValue {
    /// The value as a line of text: a string as it is, a list joined by commas, a number or a
    /// truth value spelled out; nil for null and objects.
    fileprivate var text: String? {
        switch self {
        case .string(let text): text
        case .number(let number): number.rounded() == number ? String(Int(number)) : String(number)
        case .bool(let value): String(value)
        case .array(let values): values.compactMap(\.text).joined(separator: ", ")
        case .null, .object: nil
        }
    }
}
