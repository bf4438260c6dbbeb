import Foundation
import HotlineDomain
import HotlineStorage

/// The caller's earlier tickets on the desk: number, when, category and state, newest first, as
/// the list use case shows them (masked like every list).
enum DeskCallerView {
    /// The template data for `records`, each category named by `categoryName`.
    static func data(
        _ records: [TicketRecord], categoryName: (String) -> String, _ renderer: ScreenRenderer,
        _ context: ScreenRequestContext
    ) -> [String: Any] {
        [
            "hasTickets": !records.isEmpty,
            "tickets": records.map { record in
                [
                    "id": record.id.uuidString.lowercased(), "number": record.number,
                    "received": CityTime.shown(record.receivedAt),
                    "category": record.categoryCode.map(categoryName) ?? "",
                    "state": renderer.text("ticket.state.\(record.state.rawValue)", context),
                ] as [String: Any]
            },
        ]
    }
}
