import Foundation
import HotlineDomain
import HotlineStorage

/// The ticket just recorded, as the desk follows it until a unit has it: its number, its state
/// and, once dispatched, the unit.
enum DeskRecordedView {
    /// The states in which the ticket has not reached a unit yet.
    static let beforeDispatch: Set<TicketState> = [.received, .needsReview, .classified]

    /// The template data for `record`, whose lead unit is `unit` (nil while there is none).
    static func data(
        _ record: TicketRecord, unit: OrgUnit?, _ renderer: ScreenRenderer, _ context: ScreenRequestContext
    )
        -> [String: Any]
    {
        var data: [String: Any] = [
            "id": record.id.uuidString, "number": record.number, "state": record.state.rawValue,
            "stateLabel": renderer.text("ticket.state.\(record.state.rawValue)", context),
            "waiting": beforeDispatch.contains(record.state),
        ]
        if let unit, !beforeDispatch.contains(record.state) {
            data["unit"] = ["name": unit.name, "code": unit.code]
        }
        return data
    }
}
