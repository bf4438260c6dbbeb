public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// What the big screen and the ranking page read: PostgreSQL in production
/// (`PostgresLeaderReportsRepository`), an in-memory stand-in in router tests.
public protocol LeaderReportsRepository: Sendable {
    /// The intake of `day` and of `month` (`BigScreenStore.intake`).
    func intake(day: Range<Date>, month: Range<Date>) async throws -> BigScreenFigures.Intake
    /// The `limit` newest tickets received up to `now` (`BigScreenStore.latest`).
    func latest(limit: Int, until now: Date) async throws -> [BigScreenFigures.LatestTicket]
    /// Every township's tickets received from `start` to `end` (`BigScreenStore.townshipLoads`).
    func townshipLoads(from start: Date, to end: Date) async throws -> [BigScreenFigures.TownshipLoad]
    /// The period report of `start` to `end` against the period from `previousStart`, without a
    /// ranking (`ReportQueries.report`).
    func report(period: String, start: Date, end: Date, previousStart: Date) async throws -> PeriodReport
    /// `month`'s assessment figures from the aggregator's facts (`AssessmentStore.figures`).
    func assessmentFigures(
        month: CalendarDay
    ) async throws -> (units: [String: UnitFigures], districts: [String: UnitFigures])
    /// The ranks of `month`'s stored snapshot (`AssessmentStore.ranks`).
    func ranks(month: CalendarDay) async throws -> [String: Int]
}

/// The big screen's and the ranking's reads in PostgreSQL.
public struct PostgresLeaderReportsRepository: LeaderReportsRepository {
    private let database: PostgresClient
    private let logger: Logger

    public init(database: PostgresClient, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    public func intake(day: Range<Date>, month: Range<Date>) async throws -> BigScreenFigures.Intake {
        try await database.session {
            try await BigScreenStore.intake(day: day, month: month, on: $0, logger: logger)
        }
    }

    public func latest(limit: Int, until now: Date) async throws -> [BigScreenFigures.LatestTicket] {
        try await database.session {
            try await BigScreenStore.latest(limit: limit, until: now, on: $0, logger: logger)
        }
    }

    public func townshipLoads(from start: Date, to end: Date) async throws -> [BigScreenFigures.TownshipLoad] {
        try await database.session {
            try await BigScreenStore.townshipLoads(from: start, to: end, on: $0, logger: logger)
        }
    }

    public func report(period: String, start: Date, end: Date, previousStart: Date) async throws -> PeriodReport {
        try await database.session {
            try await ReportQueries.report(
                period: period, start: start, end: end, previousStart: previousStart, ranking: nil, on: $0,
                logger: logger)
        }
    }

    public func assessmentFigures(
        month: CalendarDay
    ) async throws -> (units: [String: UnitFigures], districts: [String: UnitFigures]) {
        try await database.session { try await AssessmentStore.figures(month: month, on: $0, logger: logger) }
    }

    public func ranks(month: CalendarDay) async throws -> [String: Int] {
        try await database.session { try await AssessmentStore.ranks(month: month, on: $0, logger: logger) }
    }
}
