import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineServices
import HotlineStorage
import Logging
import PostgresNIO

/// How late due SLA timers fire and what a tick costs, with many timers pending, in the
/// scratch database.
package struct SLABench: Sendable {
    /// Pending timer counts to measure, one measurement each.
    package var pending: [Int]
    /// Timers that come due during each measurement.
    package var due: Int
    /// Most timers fired per transaction.
    package var batch: Int
    /// Milliseconds between ticks.
    package var tick: Int

    /// A benchmark with every choice spelled out.
    package init(pending: [Int], due: Int, batch: Int, tick: Int) {
        self.pending = pending
        self.due = due
        self.batch = batch
        self.tick = tick
    }

    /// Measures each pending count and prints a table row for it.
    package func run(settings: HotlineSettings) async throws {
        let logger = Observability.logger(for: "hotline-lab", level: .error)
        try await BenchDatabase.with(settings: settings, logger: logger) { client in
            print(
                "pending     due  ticks  tick cost (mean per batch)  per fired timer  empty tick  lag p50  lag p99  lag max"
            )
            for count in pending {
                let result = try await measure(pending: count, client: client, logger: logger)
                let lag = LatencySummary(seconds: result.lags)
                print(
                    String(
                        format: "%9d  %5d  %5d  %20.2f ms  %12.3f ms  %7.2f ms  %4.0f ms  %4.0f ms  %4.0f ms", count,
                        result.fired,
                        result.ticks,
                        result.meanTick * 1000, result.perTimer * 1000, result.emptyTick * 1000, lag.p50, lag.p99,
                        lag.max))
            }
        }
    }

    /// What one measurement found.
    private struct Result {
        var fired = 0
        var ticks = 0
        var tickSeconds: Double = 0
        var emptyTick: Double = 0
        var lags: [Double] = []

        var meanTick: Double { ticks == 0 ? 0 : tickSeconds / Double(ticks) }
        var perTimer: Double { fired == 0 ? 0 : tickSeconds / Double(fired) }
    }

    /// Fills the table with `pending` far-off timers and `due` timers coming due over the next
    /// seconds, then ticks until every due timer has fired.
    private func measure(pending: Int, client: PostgresClient, logger: Logger) async throws -> Result {
        try await SLABenchFixtures.reset(pending: pending, dueTickets: due, on: client, logger: logger)
        let ticker = SLATicker(
            producerName: "sla-bench", database: client, clock: SystemClock(),
            planner: { _, _ in SLAPlanner(policy: .beijing) },
            batchSize: batch,
            interval: .milliseconds(tick), logger: logger)
        var result = Result()
        let emptyStart = ContinuousClock.now
        for _ in 0..<20 { try await ticker.tickOnce() }
        result.emptyTick = (ContinuousClock.now - emptyStart).seconds / 20
        // The due timers are spread over the next 2 seconds, in the order of the tickets.
        try await SLABenchFixtures.scheduleDueTimers(count: due, on: client, logger: logger)
        while result.fired < due {
            let start = ContinuousClock.now
            let outcome = try await ticker.tickOnce()
            if outcome.claimed > 0 {
                result.ticks += 1
                result.tickSeconds += (ContinuousClock.now - start).seconds
                result.fired += outcome.fired
            } else {
                try await Task.sleep(for: .milliseconds(tick))
            }
        }
        result.lags = try await SLABenchFixtures.firedLags(on: client, logger: logger)
        return result
    }
}
