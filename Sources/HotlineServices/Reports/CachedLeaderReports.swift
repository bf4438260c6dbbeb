public import Foundation
public import HotlineDomain
public import HotlineStorage
import Synchronization

/// The leaders' heavier reads (a period's report, a month's assessment figures and stored ranks)
/// kept for `lifetime` seconds of real time in each gateway: a wall of big screens and a room
/// reading the assessment share one computation instead of one each per refresh. The intake
/// counts, the newest tickets and the townships' loads are read fresh every time, so a new
/// ticket shows at once.
public final class CachedLeaderReports: LeaderReportsRepository {
    private struct Remembered {
        var at: ContinuousClock.Instant
        var value: any Sendable
    }

    private let base: any LeaderReportsRepository
    private let lifetime: Duration
    private let clock = ContinuousClock()
    private let memory = Mutex([String: Remembered]())

    /// `base`'s reads, each kept `lifetime` after it was made.
    public init(_ base: any LeaderReportsRepository, lifetime: Duration = .seconds(5)) {
        self.base = base
        self.lifetime = lifetime
    }

    public func intake(day: Range<Date>, month: Range<Date>) async throws -> BigScreenFigures.Intake {
        try await base.intake(day: day, month: month)
    }

    public func latest(limit: Int, until now: Date) async throws -> [BigScreenFigures.LatestTicket] {
        try await base.latest(limit: limit, until: now)
    }

    public func townshipLoads(from start: Date, to end: Date) async throws -> [BigScreenFigures.TownshipLoad] {
        try await base.townshipLoads(from: start, to: end)
    }

    public func report(period: String, start: Date, end: Date, previousStart: Date) async throws -> PeriodReport {
        try await remembered("report \(period) \(start) \(end) \(previousStart)") {
            try await self.base.report(period: period, start: start, end: end, previousStart: previousStart)
        }
    }

    public func assessmentFigures(
        month: CalendarDay
    ) async throws -> (units: [String: UnitFigures], districts: [String: UnitFigures]) {
        let figures = try await remembered("figures \(month.isoDescription)") {
            let figures = try await self.base.assessmentFigures(month: month)
            return AssessmentFigures(units: figures.units, districts: figures.districts)
        }
        return (figures.units, figures.districts)
    }

    public func ranks(month: CalendarDay) async throws -> [String: Int] {
        try await remembered("ranks \(month.isoDescription)") { try await self.base.ranks(month: month) }
    }

    /// A month's figures as one value to keep.
    private struct AssessmentFigures: Sendable {
        var units: [String: UnitFigures]
        var districts: [String: UnitFigures]
    }

    /// The value kept under `key` while it is younger than `lifetime`, else `compute`'s, kept.
    private func remembered<Value: Sendable>(
        _ key: String, _ compute: @Sendable () async throws -> Value
    ) async throws -> Value {
        let now = clock.now
        if let kept = memory.withLock({ $0[key] }), now - kept.at < lifetime, let value = kept.value as? Value {
            return value
        }
        let value = try await compute()
        memory.withLock { memory in
            memory = memory.filter { now - $0.value.at < lifetime }
            memory[key] = Remembered(at: now, value: value)
        }
        return value
    }
}
