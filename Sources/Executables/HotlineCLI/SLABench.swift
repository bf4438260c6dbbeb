import ArgumentParser
import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineServices
import HotlineStorage
import Logging
import PostgresNIO

/// `hotline bench sla`: how late due timers fire and what a tick costs, with 10,000 and with
/// 1,000,000 timers pending, in a scratch database on the configured PostgreSQL server.
struct SLABench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sla",
        abstract:
            "SLA timer lag and tick cost with 10,000 and 1,000,000 pending timers (scratch database hotline_bench).")

    @Option(parsing: .upToNextOption, help: "Pending timer counts to measure.") var pending: [Int] = [
        10_000, 1_000_000,
    ]
    @Option(help: "Timers that come due during each measurement.") var due = 2_000
    @Option(help: "Most timers fired per transaction.") var batch = 500
    @Option(help: "Milliseconds between ticks.") var tick = 50

    static let database = "hotline_bench"

    func run() async throws {
        let settings = HotlineSettings()
        let logger = Observability.logger(for: "hotline", level: .error)
        try await withScratchDatabase(Self.database, settings: settings, logger: logger) { client in
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

    struct Result {
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
    func measure(pending: Int, client: PostgresClient, logger: Logger) async throws -> Result {
        let due = due
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("TRUNCATE sla_timers, outbox, ticket_history, tickets CASCADE", logger: logger)
            try await connection.query(
                """
                INSERT INTO sla_timers (ticket_id, kind, due_at, unit_code, tier, district_code, created_at)
                SELECT gen_random_uuid(), 'deadline:finish', now() + interval '1 day' + n * interval '1 second', '110105026', 'G', '110105', now()
                FROM generate_series(1, \(pending)) AS n
                """, logger: logger)
            try await connection.query(
                """
                INSERT INTO tickets (id, number, channel, type, place_text, request_text, urgency, state, unit_code, district_code, received_at, updated_at)
                SELECT gen_random_uuid(), 'B-' || n, 'phone', 'complaint', '望京', '路灯不亮', 'G', 'dispatched', '110105026', '110105', now(), now()
                FROM generate_series(1, \(due)) AS n
                """, logger: logger)
        }
        try await client.query("ANALYZE sla_timers", logger: logger)
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
        try await client.query(
            """
            INSERT INTO sla_timers (ticket_id, kind, due_at, unit_code, tier, district_code, created_at)
            SELECT id, 'deadline:finish', now() + interval '1 second' + (row_number() OVER (ORDER BY number)) * interval '2 second' / \(due),
                   '110105026', 'G', '110105', now()
            FROM tickets
            """, logger: logger)
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
        let rows = try await client.query(
            "SELECT EXTRACT(EPOCH FROM settled_at - due_at)::float8 FROM sla_timers WHERE state = 'fired'",
            logger: logger)
        for try await lag in rows.decode(Double.self) { result.lags.append(lag) }
        return result
    }
}
