import Foundation
import HotlineStorage

/// A period report as text tables, for `hotline report` and the city simulation's summary (the
/// HTML page is `PeriodReportPage` in the screens, from their templates).
package enum ReportRendering {
    /// The report as text tables, times in `zone`.
    package static func table(_ report: PeriodReport, zone: TimeZone) -> String {
        var lines = [
            "\(report.period) report \(stamp(report.start, zone)) – \(stamp(report.end, zone))",
            "tickets: \(report.total) (previous period \(report.previousTotal))", "",
        ]
        func section(_ title: String, _ counts: [PeriodReport.Count], previous: Bool = false) {
            guard !counts.isEmpty else { return }
            lines.append(title)
            for count in counts {
                let change =
                    previous
                    ? "  (previous \(count.previous ?? 0), \(signed(count.count - (count.previous ?? 0))))" : ""
                lines.append(
                    "  \(count.name.padding(toLength: 24, withPad: " ", startingAt: 0)) \(String(format: "%6d", count.count))\(change)"
                )
            }
            lines.append("")
        }
        section("by channel", report.byChannel)
        section("by type", report.byType)
        section("top 10 first-level categories", report.topCategories, previous: true)
        section("top 10 second-level categories", report.topSubcategories, previous: true)
        section("top 10 leaves", report.topLeaves, previous: true)
        section("by district", report.byDistrict)
        section("top 10 townships", report.topTownships)
        section("top 3 townships per district", report.topTownshipsPerDistrict)
        section("top 10 communities and villages", report.topCommunities)
        section("handling steps", report.handlingSteps)
        section("hot spots", report.hotSpots)
        section("overdue tickets by district", report.overdue.filter { $0.count > 0 })
        section("put on leadership-meeting agendas, by district", report.meetingAgenda.filter { $0.count > 0 })
        section("leadership-meeting decisions, by district", report.meetingDecisions.filter { $0.count > 0 })
        if !report.groupRequests.isEmpty {
            lines.append("group requests")
            for group in report.groupRequests {
                lines.append(
                    "  \(group.townshipName) \(group.leafName): \(group.tickets) tickets since \(stamp(group.firstAt, zone))"
                )
            }
            lines.append("")
        }
        if !report.overdueTickets.isEmpty {
            lines.append("overdue tickets")
            for ticket in report.overdueTickets {
                lines.append(
                    "  \(ticket.number) \(stamp(ticket.overdueAt, zone)) \(ticket.townshipName) \(ticket.unitName) \(ticket.categoryName) (\(ticket.state))"
                )
            }
            lines.append("")
        }
        if let ranking = report.ranking {
            lines.append("township ranking")
            lines.append("  rank  township                    response resolution satisfaction  score  class")
            for entry in ranking where entry.tier == "township" {
                let columns = [
                    pad(entry.rank.map(String.init) ?? "-", 4, right: true), pad(entry.unitName, 26),
                    pad(percent(entry.responseRate), 8, right: true),
                    pad(percent(entry.resolutionRate), 10, right: true),
                    pad(percent(entry.satisfactionRate), 12, right: true),
                    pad(entry.score.map { String(format: "%.2f", $0) } ?? "-", 6, right: true), entry.assessmentClass,
                ]
                lines.append("  " + columns.joined(separator: " "))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `date` in `zone` to the second, ISO 8601.
    private static func stamp(_ date: Date, _ zone: TimeZone) -> String {
        var style = Date.ISO8601FormatStyle(timeZone: zone)
        style = style.year().month().day().time(includingFractionalSeconds: false)
        return date.formatted(style)
    }

    /// `text` padded with spaces to `width` characters, on the left when `right`-aligned.
    package static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(width - text.count, 0))
        return right ? padding + text : text + padding
    }

    /// A rate as a percentage with one decimal, "-" when there is none.
    package static func percent(_ rate: Double?) -> String { rate.map { String(format: "%.1f%%", $0 * 100) } ?? "-" }
    /// `value` with its sign, "+3" or "-2".
    private static func signed(_ value: Int) -> String { value >= 0 ? "+\(value)" : "\(value)" }
}
