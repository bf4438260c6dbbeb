import Foundation
import HotlineDomain

/// The words `workbench.js` needs to render items arriving live, as the JSON the page embeds in
/// `<script type="application/json" id="workbench-labels">` (data, never executed, so the
/// strict CSP allows it).
enum WorkbenchLabels {
    /// The JSON text, safe inside a `<script>` element: `<`, `>` and `&` are escaped as `\u00XX`.
    static func json(words: TicketWords) throws -> String {
        var kinds: [String: String] = [:]
        for kind in InboxKind.allCases { kinds[kind.rawValue] = words.kind(kind) }
        let labels: [String: [String: String]] = [
            "kinds": kinds,
            "text": [
                "acknowledge": words.text("workbench.inbox.acknowledge"),
                "acknowledged": words.text("workbench.inbox.acknowledged"),
                "unread": words.text("workbench.inbox.unread"),
                "due": words.text("workbench.inbox.due"),
            ],
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(labels), as: UTF8.self)
        return text.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }
}
