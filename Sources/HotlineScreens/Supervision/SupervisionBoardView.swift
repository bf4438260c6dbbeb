import Foundation
import HotlineDomain
import HotlineServices

/// The supervision board's rows as templates read them: the supervised tickets grouped by their
/// lead unit (name, count, the oldest overdue time), each ticket with what is late and since when.
enum SupervisionBoardView {
    /// The groups of `entries` (most overdue first, as the use case lists them), named from `reference`.
    static func groups(
        _ entries: [SupervisionBoard.Entry], reference: ReferenceData, text: (String) -> String
    ) -> [[String: Any]] {
        let unitNames = Dictionary(reference.units.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        var order: [String] = []
        var byUnit: [String: [SupervisionBoard.Entry]] = [:]
        for entry in entries {
            let unit = entry.ticket.unitCode ?? ""
            if byUnit[unit] == nil { order.append(unit) }
            byUnit[unit, default: []].append(entry)
        }
        return order.map { unit in
            let tickets = byUnit[unit] ?? []
            let name = unitNames[unit] ?? (unit.isEmpty ? text("supervision.no_unit") : unit)
            return [
                "unitCode": unit, "unitName": name, "count": tickets.count,
                "oldest": tickets.map(\.ticket.overdueAt).min().map(iso) ?? "",
                "tickets": tickets.map { row($0, unitName: name, catalog: reference.catalog, text: text) },
            ] as [String: Any]
        }
    }

    private static func row(
        _ entry: SupervisionBoard.Entry, unitName: String, catalog: Catalog, text: (String) -> String
    ) -> [String: Any] {
        let ticket = entry.ticket
        return [
            "id": ticket.id.uuidString.lowercased(), "number": ticket.number, "unitName": unitName,
            "category": ticket.categoryCode.flatMap { catalog[$0]?.name } ?? "",
            "late": ticket.lateSteps.map { text("supervision.step.\($0.rawValue)") }.joined(
                separator: text("supervision.separator")),
            "overdueAt": iso(ticket.overdueAt),
            "level": text("supervision.level.\(ticket.level.rawValue)"),
            "next": text("supervision.next.\(entry.nextStep.code)"),
            "nextAt": entry.nextStep.at.map(iso) ?? "", "hasNextAt": entry.nextStep.at != nil,
        ]
    }

    private static func iso(_ date: Date) -> String { date.formatted(.iso8601) }
}
