package import HotlineDomain
package import Logging
package import PostgresNIO

/// The facts `hotline-lab bench assessment` assesses: a month of made-up outcomes, spread over
/// the townships of `divisions`.
package enum AssessmentBenchFixtures {
    /// The month the facts fall in.
    package static let month = CalendarDay(year: 2026, month: 12, day: 1)

    /// Inserts `count` facts of `month`, each at a township weighted towards the first (central)
    /// districts, with outcomes that vary with the township; then updates the table's statistics.
    package static func fillFacts(_ count: Int, on client: PostgresClient, logger: Logger) async throws {
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
                      FROM generate_series(1, \(count)) AS n,
                           (SELECT array_agg(code ORDER BY code) AS codes FROM divisions WHERE tier = 'township') AS townships) AS picked
            ) AS facts
            """, logger: logger)
        try await client.query("ANALYZE assessment_facts", logger: logger)
    }
}
