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

    enum Period: String, ExpressibleByArgument, CaseIterable { case hour, day, week, month }
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, html }

    @Option(help: "hour, day, week or month.") var period: Period = .day
    @Option(help: "A moment in the period, ISO 8601 date or date-time (default: now).") var at: String?
    @Option(help: "table, json or html.") var format: Format = .table

    func run() async throws {
        let settings = HotlineSettings()
        let zone = settings.timeZone
        let moment = try at.map(Self.parse) ?? Date()
        let (start, end, previous) = Self.bounds(of: period, at: moment, in: zone)
        let period = period
        let rankingMonth = period == .month ? CalendarDay(moment, in: zone).firstOfMonth : nil
        let report = try await withAdminTransaction { connection, logger in
            try await PeriodReports.report(
                period: period.rawValue, start: start, end: end, previousStart: previous, rankingMonth: rankingMonth,
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

    /// The period containing `moment`, and the start of the one before.
    static func bounds(
        of period: Period, at moment: Date, in zone: TimeZone
    ) -> (start: Date, end: Date, previous: Date) {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = zone
        let component: Calendar.Component =
            switch period {
            case .hour: .hour
            case .day: .day
            case .week: .weekOfYear
            case .month: .month
            }
        let interval = calendar.dateInterval(of: component, for: moment)!
        let previous = calendar.date(byAdding: component, value: -1, to: interval.start)!
        return (interval.start, interval.end, previous)
    }
}
