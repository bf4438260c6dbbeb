import Foundation
import HotlineStorage

/// A period report as text tables or as an HTML page with simple bar charts, for `hotline report`
/// and the city simulation's summary.
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
        section("by district", report.byDistrict)
        section("top 10 townships", report.topTownships)
        section("top 3 townships per district", report.topTownshipsPerDistrict)
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

    /// The report as a self-contained HTML page, times in `zone`.
    package static func html(_ report: PeriodReport, zone: TimeZone) -> String {
        var body = "<h1>\(escape(report.period)) report \(stamp(report.start, zone)) – \(stamp(report.end, zone))</h1>"
        body += "<p>\(report.total) tickets (previous period \(report.previousTotal)).</p>"
        func chart(_ title: String, _ counts: [PeriodReport.Count]) {
            guard let largest = counts.map(\.count).max(), largest > 0 else { return }
            body += "<h2>\(escape(title))</h2><table>"
            for count in counts {
                let width = Int(Double(count.count) / Double(largest) * 300)
                body +=
                    "<tr><td>\(escape(count.name))</td><td class=n>\(count.count)</td><td><div class=bar style=\"width:\(width)px\"></div></td>"
                body += count.previous.map { "<td class=n>\(signed(count.count - $0))</td>" } ?? ""
                body += "</tr>"
            }
            body += "</table>"
        }
        chart("By channel", report.byChannel)
        chart("By type", report.byType)
        chart("Top 10 first-level categories (change against the previous period)", report.topCategories)
        chart("By district", report.byDistrict)
        chart("Top 10 townships", report.topTownships)
        chart("Top 3 townships per district", report.topTownshipsPerDistrict)
        chart("Hot spots", report.hotSpots)
        chart("Overdue tickets by district", report.overdue.filter { $0.count > 0 })
        chart("Put on leadership-meeting agendas, by district", report.meetingAgenda.filter { $0.count > 0 })
        chart("Leadership-meeting decisions, by district", report.meetingDecisions.filter { $0.count > 0 })
        if !report.groupRequests.isEmpty {
            body +=
                "<h2>Group requests</h2><table><tr><th>township</th><th>category</th><th>tickets</th><th>since</th></tr>"
            for group in report.groupRequests {
                body +=
                    "<tr><td>\(escape(group.townshipName))</td><td>\(escape(group.leafName))</td><td class=n>\(group.tickets)</td><td>\(stamp(group.firstAt, zone))</td></tr>"
            }
            body += "</table>"
        }
        if let ranking = report.ranking {
            body +=
                "<h2>Township ranking</h2><table><tr><th>rank</th><th>township</th><th>response</th><th>resolution</th><th>satisfaction</th><th>score</th><th>class</th><th>dispatched</th></tr>"
            for entry in ranking where entry.tier == "township" {
                body +=
                    "<tr><td class=n>\(entry.rank.map(String.init) ?? "-")</td><td>\(escape(entry.unitName))</td><td class=n>\(percent(entry.responseRate))</td>"
                body +=
                    "<td class=n>\(percent(entry.resolutionRate))</td><td class=n>\(percent(entry.satisfactionRate))</td>"
                body +=
                    "<td class=n>\(entry.score.map { String(format: "%.2f", $0) } ?? "-")</td><td>\(escape(entry.assessmentClass))</td><td class=n>\(entry.dispatched)</td></tr>"
            }
            body += "</table>"
        }
        return """
            <!doctype html><html lang="zh"><head><meta charset="utf-8"><title>Hotline \(escape(report.period)) report</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}td,th{padding:2px 8px;border-bottom:1px solid #ddd}
            .n{text-align:right}.bar{background:#3b7dd8;height:12px}</style></head><body>\(body)</body></html>
            """
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
    /// `text` safe inside HTML.
    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(
                of: ">", with: "&gt;")
    }
}
