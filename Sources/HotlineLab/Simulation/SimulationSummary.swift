import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineScreens
import HotlineServices
import HotlineStorage
import Logging
import PostgresNIO

/// What the demo prints after the simulated month: the township ranking (top 15, bottom 10),
/// the four classes, the top categories, group requests, overdue tickets per district, the
/// inbox items the month produced by kind, and
/// where the HTML report is.
enum SimulationSummary {
    /// Waits until the pipeline has settled, computes and stores the month's assessment, prints
    /// the summary and writes the HTML report into `reportDirectory`.
    static func print(
        month: CalendarDay, zone: TimeZone, reportDirectory: URL, database: PostgresClient, logger: Logger
    ) async throws {
        let start = month.start(in: zone)
        try await awaitQuiet(database, logger: logger)
        let report = try await database.transaction(logger: logger) { connection in
            try await PeriodReports.report(
                period: "month", start: start, end: month.nextMonth.start(in: zone),
                previousStart: month.previousMonth.start(in: zone), rankingMonth: month, at: Date(),
                on: connection, logger: logger)
        }
        let townships = (report.ranking ?? []).filter { $0.tier == AssessedTier.township.rawValue }
        let ranked = townships.filter { $0.rank != nil }
        var lines = [
            "",
            "\(month.isoDescription.prefix(7)): \(report.total) requests; \(ranked.count) of \(townships.count) townships ranked",
            "",
        ]
        func row(_ entry: PeriodReport.RankingEntry) -> String {
            [
                ReportRendering.pad(entry.rank.map(String.init) ?? "-", 4, right: true),
                ReportRendering.pad(entry.unitName, 14),
                ReportRendering.pad(ReportRendering.percent(entry.responseRate), 8, right: true),
                ReportRendering.pad(ReportRendering.percent(entry.resolutionRate), 8, right: true),
                ReportRendering.pad(ReportRendering.percent(entry.satisfactionRate), 8, right: true),
                ReportRendering.pad(entry.score.map { String(format: "%.2f", $0) } ?? "-", 7, right: true),
                ReportRendering.pad("\(entry.dispatched)", 6, right: true), entry.assessmentClass,
            ].joined(separator: " ")
        }
        let header = "rank township       response resolved satisfied  score tickets class"
        lines +=
            ["top 15 townships", header] + ranked.prefix(15).map(row) + ["", "bottom 10 townships", header]
            + ranked.suffix(10).map(row) + [
                ""
            ]
        for assessmentClass in AssessmentClass.allCases {
            let members = townships.filter { $0.assessmentClass == assessmentClass.rawValue }.map(\.unitName)
            lines.append(
                "\(assessmentClass.rawValue) (\(members.count)): \(members.prefix(12).joined(separator: " "))\(members.count > 12 ? " …" : "")"
            )
        }
        lines += ["", "top 10 categories"] + report.topCategories.map { "  \($0.name) \($0.count)" }
        lines +=
            ["", "group requests: \(report.groupRequests.count)"]
            + report.groupRequests.prefix(10).map { "  \($0.townshipName) \($0.leafName): \($0.tickets)" }
        lines += ["", "overdue tickets per district"] + report.overdue.map { "  \($0.name) \($0.count)" }
        lines += ["", "handling steps"] + report.handlingSteps.map { "  \($0.code) \($0.count)" }
        lines += ["", "top 10 communities and villages"] + report.topCommunities.map { "  \($0.name) \($0.count)" }
        let inbox = try await database.session { try await InboxStore.countsByKind(on: $0, logger: logger) }
        lines += ["", "inbox items by kind"] + inbox.map { "  \($0.kind) \($0.count)" }
        try FileManager.default.createDirectory(at: reportDirectory, withIntermediateDirectories: true)
        let file = reportDirectory.appendingPathComponent("month-\(month.isoDescription.prefix(7)).html")
        let resources = try ScreenResources.load(from: HotlineSettings().screensDirectory)
        try PeriodReportPage.html(report, zone: zone, resources: resources).write(
            to: file, atomically: true, encoding: .utf8)
        lines += [
            "", "HTML report: \(file.path)",
            "JSON ranking: hotline report --period month --at \(month.isoDescription) --format json",
        ]
        Swift.print(lines.joined(separator: "\n"))
    }

    /// Waits until every event is published and the scoring aggregator has read them all: no
    /// unpublished outbox rows, and its log unchanged for two seconds.
    static func awaitQuiet(_ database: PostgresClient, logger: Logger) async throws {
        var last = -1
        var stableSince = Date()
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let (backlog, logged) = try await SimulationSettling.counts(on: database, logger: logger)
            if backlog > 0 || logged != last {
                last = logged
                stableSince = Date()
            } else if Date().timeIntervalSince(stableSince) >= 2 {
                return
            }
            try await Task.sleep(for: .milliseconds(250))
        }
    }
}
