import Foundation
import HotlineDomain
import HotlineStorage

/// One event of a ticket's history as the timeline shows it: when, what happened (in the
/// catalog's words: the handling action, the SLA notice, or the event type), which unit, who,
/// and the texts the event carries (notes, reasons, feedback) as the use case returned them.
enum TimelineEntry {
    /// The payload fields shown as the event's notes, in this order, each with its form field's
    /// label (`ticket.field.<label>`).
    static let noteFields: [(payload: String, label: String)] = [
        ("reason", "reason"), ("person", "person"), ("note", "note"), ("feedback_to_caller", "feedback_to_caller"),
        ("feedback_to_center", "feedback_to_center"), ("duty", "duty"), ("departments", "departments"),
        ("participants", "participants"), ("hand_up_unit_code", "to_unit"), ("community_code", "community"),
        ("photo_reference", "photo_reference"), ("deadline", "deadline"),
    ]

    /// The entry of `entry`; `unitNames` names units by code.
    static func data(_ entry: HistoryEntry, unitNames: [String: String], words: TicketWords) -> [String: Any] {
        let payload = entry.payload
        let unit = payload["unit_code"].flatMap(\.text)
        var notes: [[String: Any]] = noteFields.compactMap { field in
            guard let text = payload[field.payload].flatMap(\.text), !text.isEmpty else { return nil }
            return ["label": words.text("ticket.field.\(field.label)"), "text": text]
        }
        if let panel = panel(payload["panel"], words: words) {
            notes.append(["label": words.text("ticket.field.panel"), "text": panel])
        }
        return [
            "at": CityTime.iso(entry.occurredAt), "shown": CityTime.shown(entry.occurredAt),
            "type": entry.eventType, "what": what(entry, words: words),
            "unit": unit.map { code in unitNames[code].map { "\($0) (\(code))" } ?? code } ?? "",
            "hasUnit": unit != nil, "actor": payload["actor"].flatMap(\.text) ?? "",
            "hasActor": payload["actor"] != nil, "notes": notes, "hasNotes": !notes.isEmpty,
        ]
    }

    /// A hand-down's panel as one line, each member as the form takes it (`role：name`), the role
    /// in the catalog's words; nil when the event names none.
    static func panel(_ value: JSONValue?, words: TicketWords) -> String? {
        guard case .array(let members)? = value else { return nil }
        let named = members.compactMap { member -> String? in
            guard case .object(let fields) = member, let name = fields["name"]?.text, let role = fields["role"]?.text
            else { return nil }
            return "\(words.text("ticket.choice.panel.\(role)"))：\(name)"
        }
        return named.isEmpty ? nil : named.joined(separator: "、")
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
