import Foundation
import HotlineDomain
import HotlineServices
import HotlineStorage
import Synchronization
import Testing

/// The leaders' heavier reads kept a few seconds per gateway.
@Suite("Screens: the leaders' reads kept briefly")
struct CachedLeaderReportsTests {
    /// Counts the reads that reach it; answers empty figures and the ranks it is given.
    final class CountingReports: LeaderReportsRepository {
        let reads = Atomic(0)
        let stored: [String: Int]

        init(ranks: [String: Int]) { stored = ranks }

        func intake(day: Range<Date>, month: Range<Date>) async throws -> BigScreenFigures.Intake {
            throw NoLeaderReports.Unavailable()
        }
        func latest(limit: Int, until now: Date) async throws -> [BigScreenFigures.LatestTicket] {
            reads.add(1, ordering: .relaxed)
            return []
        }
        func townshipLoads(from start: Date, to end: Date) async throws -> [BigScreenFigures.TownshipLoad] { [] }
        func report(period: String, start: Date, end: Date, previousStart: Date) async throws -> PeriodReport {
            throw NoLeaderReports.Unavailable()
        }
        func assessmentFigures(
            month: CalendarDay
        ) async throws -> (
            units: [String: UnitFigures], districts: [String: UnitFigures]
        ) {
            reads.add(1, ordering: .relaxed)
            return ([:], [:])
        }
        func ranks(month: CalendarDay) async throws -> [String: Int] {
            reads.add(1, ordering: .relaxed)
            return stored
        }
    }

    @Test("a month's ranks and figures are read once while kept, per month, and again once they are old")
    func keptThenReadAgain() async throws {
        let base = CountingReports(ranks: ["110105001": 3])
        let kept = CachedLeaderReports(base, lifetime: .seconds(60))
        let january = CalendarDay(year: 2027, month: 1, day: 1)
        for _ in 0..<3 {
            #expect(try await kept.ranks(month: january) == ["110105001": 3])
            _ = try await kept.assessmentFigures(month: january)
        }
        #expect(base.reads.load(ordering: .relaxed) == 2)
        _ = try await kept.ranks(month: january.nextMonth)
        #expect(base.reads.load(ordering: .relaxed) == 3)
        let fresh = CachedLeaderReports(base, lifetime: .zero)
        _ = try await fresh.ranks(month: january)
        _ = try await fresh.ranks(month: january)
        #expect(base.reads.load(ordering: .relaxed) == 5)
    }

    @Test("the newest tickets are never kept: a new ticket shows at once")
    func latestIsFresh() async throws {
        let base = CountingReports(ranks: [:])
        let kept = CachedLeaderReports(base, lifetime: .seconds(60))
        for _ in 0..<3 { _ = try await kept.latest(limit: 10, until: Date()) }
        #expect(base.reads.load(ordering: .relaxed) == 3)
    }
}
