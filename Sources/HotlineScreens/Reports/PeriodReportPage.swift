public import Foundation
import HotlineDomain
public import HotlineStorage

/// A period report (`hotline report --format html`, the simulation's monthly report) as one
/// self-contained HTML page rendered from the screens' templates (`report` around
/// `report-body`, with the ranking page's `assessment-ranking` and the big screen's SVG bars)
/// and string catalog, its style sheets inlined so the file opens anywhere and prints like the
/// ranking page. The reports screen (`/ui/reports`) shows the same body inside the layout.
public enum PeriodReportPage {
    /// The style sheets the page carries inside it.
    static let styleSheets = ["screens.css", "assessment.css"]

    /// `report` as HTML in `language`, times in `zone`, from `resources` (`Screens/`).
    public static func html(
        _ report: PeriodReport, zone: TimeZone, resources: ScreenResources,
        language: String = StringCatalogs.defaultLanguage
    ) throws -> String {
        let words = resources.strings.strings(language)
        var data = body(report, zone: zone, words: words)
        data["t"] = resources.strings.templateStrings(language)
        data["lang"] = language
        data["title"] = words["assessment.report.title.\(report.period)"] ?? report.period
        data["style"] = styleSheets.compactMap {
            resources.assets[$0].map { String(decoding: $0.bytes, as: UTF8.self) }
        }.joined(separator: "\n")
        return try resources.render("report", data)
    }

    /// What the `report-body` template shows of `report` (the file above and the reports screen
    /// share it): the totals, the top ten at each catalog level with their trend, the charts, the
    /// overdue list, the group requests and, for a month, the ranking; words from `words`.
    static func body(_ report: PeriodReport, zone: TimeZone, words: [String: String]) -> [String: Any] {
        func text(_ key: String) -> String { words[key] ?? key }
        func chart(
            _ titleKey: String, _ counts: [PeriodReport.Count], label: ((PeriodReport.Count) -> String)? = nil
        ) -> [String: Any]? {
            guard !counts.isEmpty else { return nil }
            var chart = SVGBars(items: counts.map { .init(label: label?($0) ?? $0.name, count: $0.count) }).data
            chart["title"] = text(titleKey)
            return ["title": text(titleKey), "chart": chart]
        }
        func trendTable(_ id: String, _ counts: [PeriodReport.Count]) -> [String: Any]? {
            guard !counts.isEmpty else { return nil }
            return [
                "id": id, "title": text("assessment.report.\(id.replacingOccurrences(of: "-", with: "_"))"),
                "rows": counts.enumerated().map { BigScreenPanel.trend(place: $0 + 1, $1, text: text) },
            ]
        }
        let charts = [
            chart("assessment.report.by_channel", report.byChannel) {
                words["big_screen.channel.\($0.code)"] ?? $0.name
            },
            chart("assessment.report.by_type", report.byType) { words["big_screen.type.\($0.code)"] ?? $0.name },
            chart("assessment.report.by_district", report.byDistrict),
            chart("assessment.report.top_townships", report.topTownships),
            chart("assessment.report.top_townships_per_district", report.topTownshipsPerDistrict),
            chart("assessment.report.top_communities", report.topCommunities),
            chart("assessment.report.handling_steps", report.handlingSteps) { stepLabel($0.code, words: words) },
            chart("assessment.report.hot_spots", report.hotSpots),
            chart("assessment.report.overdue", report.overdue.filter { $0.count > 0 }),
            chart("assessment.report.meeting_agenda", report.meetingAgenda.filter { $0.count > 0 }),
            chart("assessment.report.meeting_decisions", report.meetingDecisions.filter { $0.count > 0 }),
        ].compactMap { $0 }
        let ranking = report.ranking ?? []
        return [
            "start": FigureFormat.dayAndTime(report.start, in: zone),
            "end": FigureFormat.dayAndTime(report.end, in: zone), "total": report.total,
            "previousTotal": report.previousTotal, "charts": charts,
            "trendTables": [
                trendTable("top-categories", report.topCategories),
                trendTable("top-subcategories", report.topSubcategories),
                trendTable("top-leaves", report.topLeaves),
            ].compactMap { $0 },
            "overdueTickets": report.overdueTickets.map {
                [
                    "number": $0.number, "category": $0.categoryName, "township": $0.townshipName,
                    "unit": $0.unitName, "overdueAt": FigureFormat.dayAndTime($0.overdueAt, in: zone),
                    "state": words["ticket.state.\($0.state)"] ?? $0.state,
                ]
            },
            "hasOverdueTickets": !report.overdueTickets.isEmpty,
            "groups": report.groupRequests.map {
                [
                    "township": $0.townshipName, "category": $0.leafName, "tickets": $0.tickets,
                    "since": FigureFormat.dayAndTime($0.firstAt, in: zone),
                ] as [String: Any]
            },
            "hasGroups": !report.groupRequests.isEmpty, "hasRanking": report.ranking != nil,
            "month": String(CalendarDay(report.start, in: zone).isoDescription.prefix(7)), "district": false,
            "tiers": RankingView.tiers(
                ranking.map { (tier: $0.tier, row: RankingView.row($0, text: text)) }, text: text),
        ]
    }

    /// A handling step's name in the catalog's words: the action, and for a decision whether it
    /// agreed (`decide_send_back.agreed`: "审核退单" and "（同意）").
    static func stepLabel(_ step: String, words: [String: String]) -> String {
        let parts = step.split(separator: ".", maxSplits: 1).map(String.init)
        let action = words["ticket.action.\(parts[0])"] ?? parts[0]
        guard parts.count == 2 else { return action }
        return action + (words["assessment.report.step.\(parts[1])"] ?? ".\(parts[1])")
    }
}
