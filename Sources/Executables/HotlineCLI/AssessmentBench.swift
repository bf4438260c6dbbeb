import ArgumentParser
import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineServices
import HotlineStorage
import Logging
import PostgresNIO

/// `hotline bench assessment`: the monthly assessment of every unit over a million tickets'
/// facts, in a scratch database on the configured PostgreSQL server.
struct AssessmentBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessment",
        abstract:
            "Time the monthly assessment of 343 townships (and every district, department and enterprise) over N tickets."
    )

    @Option(help: "Tickets (assessment facts) in the month.") var tickets = 1_000_000

    static let database = "hotline_bench"

    func run() async throws {
        let settings = HotlineSettings()
        let logger = Observability.logger(for: "hotline", level: .error)
        let reference = try ReferenceData(schemaDirectory: settings.schemaDirectory)
        let tickets = tickets
        try await withScratchDatabase(Self.database, settings: settings, logger: logger) { client in
            try await client.withTransaction(logger: logger) {
                try await ReferenceStore.replace(with: reference, on: $0, logger: logger)
            }
            let fill = ContinuousClock.now
            // Each fact goes to a township, weighted towards the first (central) districts; outcomes vary with the township.
            try await client.query(
                """
                INSERT INTO assessment_facts (ticket_id, seq, unit_code, dispatched_at, month, district_code, sign_for_by, finish_by,
                    signed_in_time, resolved, resolved_on_time, visited, solved, satisfied, sent_back, reopened, overdue, excluded)
                SELECT gen_random_uuid(), 0, code, timestamptz '2026-12-01 08:00+08' + (n % 30) * interval '1 day', date '2026-12-01',
                       left(code, 6), now(), now(), random() < 0.7 + bias, random() < 0.9, random() < 0.8, random() < 0.6,
                       random() < 0.6 + bias, random() < 0.5 + bias, random() < 0.03, 0, random() < 0.1, random() < 0.01
                FROM (
                    SELECT n, code, (abs(hashtext(code)) % 20) / 100.0 AS bias
                    FROM (SELECT n, codes[1 + floor(power(random(), 1.5) * array_length(codes, 1))::int] AS code
                          FROM generate_series(1, \(tickets)) AS n,
                               (SELECT array_agg(code ORDER BY code) AS codes FROM divisions WHERE tier = 'township') AS townships) AS picked
                ) AS facts
                """, logger: logger)
            try await client.query("ANALYZE assessment_facts", logger: logger)
            print(String(format: "filled %d facts in %.1f s", tickets, (ContinuousClock.now - fill).seconds))
            let start = ContinuousClock.now
            let results = try await client.withTransaction(logger: logger) { connection in
                try await MonthlyAssessment.computeAndStore(
                    month: CalendarDay(year: 2026, month: 12, day: 1), at: Date(), on: connection, logger: logger)
            }
            let elapsed = (ContinuousClock.now - start).seconds
            let townships = results.filter { $0.tier == .township }
            print(
                String(
                    format: "monthly assessment of %d units (%d townships ranked) over %d tickets: %.2f s",
                    results.count,
                    townships.filter { $0.rank != nil }.count, tickets, elapsed))
        }
    }
}
