public import Foundation
public import HotlineDomain
import HotlineStorage
public import Logging
import Metrics
public import PostgresNIO

/// Produces the leaders' reports on schedule (`ReportSchedule`): for every hour, day, week and
/// month that has ended, the city's report and each district's, stored once in one transaction
/// per period (`scheduled_reports`); a month's also assesses the month and stores its snapshot,
/// with the ranking in the city's report and each district's townships in its own; a day's also
/// scans that day for early warnings (`EarlyWarningScan`), and a week's that week for recurring
/// problems (`RecurrenceScan`), when given them; a month's also reminds the leads of governance
/// tasks that did not report that month (`ProgressReminder`). Runs in the
/// scoring aggregator on the service's clock (the shared simulated clock too); after a restart it
/// produces what came due while it was down, and nothing twice.
public struct ReportScheduler: Sendable {
    private let database: PostgresClient
    private let clock: any HotlineClock
    private let schedule: ReportSchedule
    private let timeZone: TimeZone
    private let warnings: EarlyWarningScan?
    private let recurrences: RecurrenceScan?
    private let logger: Logger

    public init(
        database: PostgresClient, clock: any HotlineClock, schedule: ReportSchedule = ReportSchedule(),
        timeZone: TimeZone, warnings: EarlyWarningScan? = nil, recurrences: RecurrenceScan? = nil, logger: Logger
    ) {
        self.warnings = warnings
        self.recurrences = recurrences
        self.database = database
        self.clock = clock
        self.schedule = schedule
        self.timeZone = timeZone
        self.logger = logger
    }

    /// Produces every report due now; how many reports (periods × scopes) it stored.
    @discardableResult
    public func runOnce() async throws -> Int {
        let now = clock.now()
        var stored = 0
        for period in ReportPeriod.allCases {
            let last = try await database.session {
                try await ScheduledReportStore.lastStart(of: period, on: $0, logger: logger)
            }
            for start in schedule.due(period, now: now, lastProduced: last, in: timeZone) {
                stored += try await produce(period, start: start, at: now)
            }
        }
        return stored
    }

    /// Stores the reports of the period starting at `start`, every scope in one transaction.
    private func produce(_ period: ReportPeriod, start: Date, at now: Date) async throws -> Int {
        let bounds = period.bounds(containing: start, in: timeZone)
        let dueAt = schedule.dueAt(period, start: start, in: timeZone)
        return try await database.transaction(logger: logger) { connection in
            guard try await ScheduledReportStore.claim(period, start: start, on: connection, logger: logger) else {
                return 0
            }
            let districts = try await ScheduledReportStore.districts(on: connection, logger: logger)
            let ranking =
                period == .month
                ? try await MonthlyAssessment.computeAndStore(
                    month: CalendarDay(start, in: timeZone).firstOfMonth, at: now, on: connection, logger: logger)
                : nil
            var stored = 0
            let scopes =
                [(ReportScope.city, ranking)]
                + districts.map { district, townships in
                    (
                        ReportScope.district(district),
                        ranking?.filter { $0.tier == .township && townships.contains($0.unitCode) }
                    )
                }
            for (scope, ranking) in scopes {
                let report = try await ReportQueries.report(
                    period: period.rawValue, start: bounds.start, end: bounds.end,
                    previousStart: bounds.previousStart, scope: scope, ranking: ranking, on: connection, logger: logger)
                if try await ScheduledReportStore.save(
                    report, period: period, dueAt: dueAt, producedAt: now, on: connection, logger: logger)
                {
                    stored += 1
                }
            }
            if period == .week, let recurrences {
                try await scanApart("recurring problems", on: connection) {
                    _ = try await recurrences.scan(
                        week: CalendarDay(start, in: timeZone), endingAt: bounds.end, at: now, timeZone: timeZone,
                        on: connection, logger: logger)
                }
            }
            if period == .month {
                try await scanApart("governance progress", on: connection) {
                    try await ProgressReminder.remind(
                        month: CalendarDay(start, in: timeZone).firstOfMonth, at: now, on: connection, logger: logger)
                }
            }
            if period == .day, let warnings {
                try await scanApart("early warnings", on: connection) {
                    _ = try await warnings.scan(
                        day: CalendarDay(start, in: timeZone), endingAt: bounds.end, at: now, on: connection,
                        logger: logger)
                }
            }
            logger.info(
                "stored scheduled reports",
                metadata: ["period": "\(period.rawValue)", "start": "\(bounds.start)", "reports": "\(stored)"])
            return stored
        }
    }

    /// Runs a governance scan behind a savepoint of the report's transaction: a scan that fails
    /// (a bad row, a bug) is undone, logged and counted (`hotline_governance_scan_failures_total`),
    /// and the period's reports are stored all the same; that period is not scanned again. A
    /// failure of the connection itself still fails the whole transaction, to be retried.
    private func scanApart(
        _ scan: String, on connection: PostgresConnection, _ work: () async throws -> Void
    ) async throws {
        try await connection.query("SAVEPOINT governance_scan", logger: logger)
        do {
            try await work()
            try await connection.query("RELEASE SAVEPOINT governance_scan", logger: logger)
        } catch {
            try await connection.query("ROLLBACK TO SAVEPOINT governance_scan", logger: logger)
            Counter(label: "hotline_governance_scan_failures_total", dimensions: [("scan", scan)]).increment()
            logger.error(
                "governance scan failed; the period's reports are stored without it",
                metadata: ["scan": "\(scan)", "error": "\(String(reflecting: error))"])
        }
    }

}
