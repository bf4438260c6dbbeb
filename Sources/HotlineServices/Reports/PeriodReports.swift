public import Foundation
public import HotlineDomain
public import HotlineStorage
public import Logging
public import PostgresNIO

/// A period's report from the ticket tables; for a month, with the month's ranking computed
/// from the aggregator's facts and stored as the month's snapshot first.
public enum PeriodReports {
    /// The report of `start` (inclusive) to `end` (exclusive), compared with the period from
    /// `previousStart`; with `rankingMonth`, that month is assessed and stored at `time` and its
    /// ranking included.
    public static func report(
        period: String, start: Date, end: Date, previousStart: Date, rankingMonth: CalendarDay?, at time: Date,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> PeriodReport {
        var ranking: [UnitAssessment]?
        if let rankingMonth {
            ranking = try await MonthlyAssessment.computeAndStore(
                month: rankingMonth, at: time, on: connection, logger: logger)
        }
        return try await ReportQueries.report(
            period: period, start: start, end: end, previousStart: previousStart, ranking: ranking,
            on: connection, logger: logger)
    }
}
