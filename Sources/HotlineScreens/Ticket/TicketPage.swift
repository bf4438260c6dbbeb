import Foundation
import HotlineDomain
import HotlineStorage

/// The data of a ticket's page: the ticket as `ReadTickets.ticket` returned it (the caller's
/// data masked or whole as the use case decided), its category path, countdowns, timeline,
/// and a form for every handling action `TicketActions` offers the principal.
enum TicketPage {
    /// The page of `record` for `principal`; `notice` says which action was just taken.
    static func data(
        _ record: TicketRecord, reference: ReferenceData, for principal: Principal, now: Date, notice: HandlingAction?,
        words: TicketWords
    ) -> [String: Any] {
        var unitNames: [String: String] = [:]
        for unit in reference.units { unitNames[unit.code] = unit.name }
        func unit(_ code: String) -> String { unitNames[code].map { "\($0) (\(code))" } ?? code }
        let cityScope = principal.scope == .city
        let actions = TicketActions.offered(to: principal, on: record).map {
            ActionFormView.data($0, cityScope: cityScope, words: words)
        }
        let timeline = (record.history ?? []).map { TimelineEntry.data($0, unitNames: unitNames, words: words) }
        let deadlines = TicketDeadlines.data(record, policy: reference.timeLimits, now: now, words: words)
        var details: [[String: Any]] = []
        func detail(_ key: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            details.append(["label": words.text("ticket.field.\(key)"), "text": value])
        }
        detail("caller_name", record.callerName)
        detail("caller_phone", record.callerPhone)
        detail("channel", words.text("ticket.channel.\(record.channel)"))
        detail("received_at", CityTime.shown(record.receivedAt))
        detail("unit", record.unitCode.map(unit))
        detail("co_units", record.coUnitCodes.map(unit).joined(separator: ", "))
        detail("summoned", record.summonedUnitCodes.map(unit).joined(separator: ", "))
        detail("assignee", record.assignee)
        detail("result", record.result)
        detail("feedback_to_caller", record.feedbackToCaller)
        detail("feedback_to_center", record.feedbackToCenter)
        detail("exclusion", record.exclusionState.map { words.text("ticket.exclusion.\($0.rawValue)") })
        return [
            "ticket": [
                "id": record.id.uuidString.lowercased(), "number": record.number, "state": record.state.rawValue,
                "stateLabel": words.state(record.state), "text": record.text, "place": record.placeText,
                "category": record.categoryCode.map { reference.catalog.namePath(to: $0).joined(separator: " › ") }
                    ?? "",
                "tier": record.urgency.rawValue, "urgency": words.urgency(record.urgency),
            ] as [String: Any],
            "details": details, "deadlines": deadlines, "hasDeadlines": !deadlines.isEmpty,
            "timeline": timeline, "actions": actions, "hasActions": !actions.isEmpty,
            "notice": notice.map { words.text("ticket.notice.done") + words.action($0) } ?? "",
            "hasNotice": notice != nil,
        ]
    }
}
