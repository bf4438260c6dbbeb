import Foundation
import HotlineDomain
import HotlineStorage

/// The review queue's rows: the ticket, its request as the use case returns it (masked), and the
/// classifier's suggestion with its confidence.
enum ReviewQueueView {
    /// The template data for `records`, naming each suggested category by its path in `names`.
    static func data(_ records: [TicketRecord], names: (String) -> [String]) -> [String: Any] {
        let rows = records.map { record -> [String: Any] in
            let suggestion = suggested(record)
            return [
                "id": record.id.uuidString, "number": record.number, "text": record.text,
                "code": suggestion?.code ?? "", "hasCode": suggestion != nil,
                "path": suggestion.map { names($0.code).joined(separator: " / ") } ?? "",
                "confidence": suggestion.map { Percent.text($0.probability) } ?? "",
            ]
        }
        return ["rows": rows, "empty": rows.isEmpty]
    }

    /// The category the classifier chose, else its first candidate.
    static func suggested(_ record: TicketRecord) -> (code: String, probability: Double)? {
        if let code = record.categoryCode { return (code, record.confidence ?? 0) }
        guard case .array(let candidates)? = record.candidates, let first = candidates.first,
            case .string(let code)? = first["code"]
        else { return nil }
        if case .number(let probability)? = first["probability"] { return (code, probability) }
        return (code, 0)
    }
}
