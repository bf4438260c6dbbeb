import ArgumentParser
import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineScreens
import HotlineServices
import HotlineStorage

/// `hotline report --period hour|day|week|month --at DATE --format table|json|html`.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "The report of one period: totals, categories, places, group requests, hot spots, overdue tickets, and for a month the ranking (stored as the month's snapshot)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, html }

    @Option(help: "hour, day, week or month.") var period: ReportPeriod = .day
    @Option(help: "A moment in the period, ISO 8601 date or date-time (default: now).") var at: String?
    @Option(help: "table, json or html.") var format: Format = .table

    func run() async throws {
        let settings = HotlineSettings()
        let zone = settings.timeZone
        let moment = try at.map(Self.parse) ?? Date()
        let bounds = period.bounds(containing: moment, in: zone)
        let period = period
        let rankingMonth = period == .month ? CalendarDay(moment, in: zone).firstOfMonth : nil
        let report = try await withAdminTransaction { connection, logger in
            try await PeriodReports.report(
                period: period.rawValue, start: bounds.start, end: bounds.end, previousStart: bounds.previousStart,
                rankingMonth: rankingMonth,
                at: Date(), on: connection, logger: logger)
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        case .table: print(ReportRendering.table(report, zone: zone))
        case .html:
            let resources = try ScreenResources.load(from: settings.screensDirectory)
            print(try PeriodReportPage.html(report, zone: zone, resources: resources))
        }
    }

    static func parse(_ text: String) throws -> Date {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        let day = text.split(separator: "-").compactMap { Int($0) }
        guard day.count == 3 else {
            throw ValidationError("--at must be ISO 8601, e.g. 2026-12-01 or 2026-12-01T08:00:00+08:00")
        }
        return CalendarDay(year: day[0], month: day[1], day: day[2]).start(in: HotlineSettings().timeZone)
    }
}

extension ReportPeriod: ExpressibleByArgument {}
