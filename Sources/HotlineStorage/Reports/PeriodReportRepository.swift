public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// What `GET /reports` reads: the reports stored on schedule and, for a period or scope the
/// schedule does not store, the report computed on request; and the early warnings and recurring
/// problems the schedule's daily and weekly scans found (`GET /reports/warnings`, `GET /reports/recurring`). PostgreSQL in production
/// (`PostgresPeriodReportRepository`), a stand-in in router tests.
public protocol PeriodReportRepository: Sendable {
    /// The stored report of `period` starting at `start` in `scope` (`ScheduledReportStore.report`).
    func stored(
        _ period: ReportPeriod, start: Date, scope: ReportScope
    ) async throws -> (header: ScheduledReportStore.Header, report: PeriodReport)?
    /// The newest stored reports' headers (`ScheduledReportStore.headers`).
    func headers(_ period: ReportPeriod, scope: ReportScope, limit: Int) async throws -> [ScheduledReportStore.Header]
    /// The report of `bounds` in `scope` from the ticket tables now (`ReportQueries.report`).
    func compute(_ period: ReportPeriod, bounds: ReportPeriod.Bounds, scope: ReportScope) async throws -> PeriodReport
    /// The early warnings of days `first` through `last` in `scope` (`EarlyWarningStore.warnings`),
    /// newest first.
    func warnings(
        in scope: ReportScope, from first: CalendarDay, through last: CalendarDay
    ) async throws
        -> [DistrictWarning]
    /// The recurring problems proposed for weeks starting on days `first` through `last` in
    /// `scope`, newest first, each with its follow-up at `now` (`RecurrenceStore.proposals`).
    func recurrences(
        in scope: ReportScope, from first: CalendarDay, through last: CalendarDay, now: Date, timeZone: TimeZone
    ) async throws -> [ProposedRecurrence]
    /// The townships' months in the governance class, in `district` or everywhere, and the
    /// months assessed (`GovernanceClassStore.history`).
    func governanceClass(
        district: String?
    ) async throws -> (records: [GovernanceClassHistory.Assessed], months: Set<CalendarDay>)
}

/// The period reports in PostgreSQL.
public struct PostgresPeriodReportRepository: PeriodReportRepository {
    private let database: PostgresClient
    private let logger: Logger

    public init(database: PostgresClient, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    public func stored(
        _ period: ReportPeriod, start: Date, scope: ReportScope
    ) async throws -> (header: ScheduledReportStore.Header, report: PeriodReport)? {
        try await database.session {
            try await ScheduledReportStore.report(period, start: start, scope: scope, on: $0, logger: logger)
        }
    }

    public func warnings(
        in scope: ReportScope, from first: CalendarDay, through last: CalendarDay
    ) async throws -> [DistrictWarning] {
        try await database.session {
            try await EarlyWarningStore.warnings(
                in: scope, firstDay: first.isoDescription, lastDay: last.isoDescription, on: $0,
                logger: logger)
        }
    }

    public func recurrences(
        in scope: ReportScope, from first: CalendarDay, through last: CalendarDay, now: Date, timeZone: TimeZone
    ) async throws -> [ProposedRecurrence] {
        try await database.session {
            try await RecurrenceStore.proposals(
                in: scope, firstDay: first.isoDescription, lastDay: last.isoDescription, now: now, timeZone: timeZone,
                on: $0, logger: logger)
        }
    }

    public func governanceClass(
        district: String?
    ) async throws -> (records: [GovernanceClassHistory.Assessed], months: Set<CalendarDay>) {
        try await database.session {
            try await GovernanceClassStore.history(district: district, on: $0, logger: logger)
        }
    }

    public func headers(
        _ period: ReportPeriod, scope: ReportScope, limit: Int
    ) async throws -> [ScheduledReportStore.Header] {
        try await database.session {
            try await ScheduledReportStore.headers(period, scope: scope, limit: limit, on: $0, logger: logger)
        }
    }

    public func compute(
        _ period: ReportPeriod, bounds: ReportPeriod.Bounds, scope: ReportScope
    ) async throws -> PeriodReport {
        try await database.session {
            try await ReportQueries.report(
                period: period.rawValue, start: bounds.start, end: bounds.end, previousStart: bounds.previousStart,
                scope: scope, ranking: nil, on: $0, logger: logger)
        }
    }
}
