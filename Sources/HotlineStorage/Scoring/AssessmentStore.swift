public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// The scoring aggregator's records: assessment facts, live counters, monthly snapshots.
public enum AssessmentStore {
    /// Records events read from Kafka (once each) in the aggregator's own log.
    public static func log(
        _ events: [(id: UUID, ticketId: UUID, occurredAt: Date, body: [UInt8])], on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        for event in events {
            try await connection.query(
                """
                INSERT INTO scoring_events (event_id, ticket_id, occurred_at, body) VALUES (\(event.id), \(event.ticketId), \(event.occurredAt), \(ByteBuffer(bytes: event.body)))
                ON CONFLICT (event_id) DO NOTHING
                """, logger: logger)
        }
    }

    /// A ticket's logged events in the order they happened.
    public static func loggedEvents(
        of ticketId: UUID, on connection: PostgresConnection, logger: Logger
    ) async throws -> [[UInt8]] {
        var bodies: [[UInt8]] = []
        let rows = try await connection.query(
            "SELECT body FROM scoring_events WHERE ticket_id = \(ticketId) ORDER BY occurred_at, arrival",
            logger: logger)
        for try await body in rows.decode(ByteBuffer.self) { bodies.append(Array(body.readableBytesView)) }
        return bodies
    }

    /// A ticket's facts, oldest dispatch first.
    public static func facts(
        of ticketId: UUID, on connection: PostgresConnection, logger: Logger
    ) async throws -> [AssessmentFact] {
        let rows = try await connection.query(
            """
            SELECT unit_code, dispatched_at, to_char(month, 'YYYY-MM-DD'), district_code, sign_for_by, finish_by, signed_in_time, resolved,
                   resolved_on_time, visited, solved, satisfied, sent_back, reopened, overdue, excluded
            FROM assessment_facts WHERE ticket_id = \(ticketId) ORDER BY seq
            """, logger: logger)
        var facts: [AssessmentFact] = []
        for try await row in rows {
            let columns = row.makeRandomAccess()
            let month = try columns[2].decode(String.self).split(separator: "-").compactMap { Int($0) }
            var fact = AssessmentFact(
                ticketId: ticketId, unitCode: try columns[0].decode(String.self),
                dispatchedAt: try columns[1].decode(Date.self),
                month: CalendarDay(year: month[0], month: month[1], day: month[2]),
                districtCode: try columns[3].decode(String?.self),
                signForBy: try columns[4].decode(Date.self), finishBy: try columns[5].decode(Date?.self))
            fact.signedInTime = try columns[6].decode(Bool.self)
            fact.resolved = try columns[7].decode(Bool.self)
            fact.resolvedOnTime = try columns[8].decode(Bool.self)
            fact.visited = try columns[9].decode(Bool.self)
            fact.solved = try columns[10].decode(Bool.self)
            fact.satisfied = try columns[11].decode(Bool.self)
            fact.sentBack = try columns[12].decode(Bool.self)
            fact.reopened = try columns[13].decode(Int.self)
            fact.overdue = try columns[14].decode(Bool.self)
            fact.excluded = try columns[15].decode(Bool.self)
            facts.append(fact)
        }
        return facts
    }

    /// Writes a ticket's facts (all of them; `seq` is the position).
    public static func save(_ facts: [AssessmentFact], on connection: PostgresConnection, logger: Logger) async throws {
        for (seq, fact) in facts.enumerated() {
            try await connection.query(
                """
                INSERT INTO assessment_facts (ticket_id, seq, unit_code, dispatched_at, month, district_code, sign_for_by, finish_by,
                    signed_in_time, resolved, resolved_on_time, visited, solved, satisfied, sent_back, reopened, overdue, excluded)
                VALUES (\(fact.ticketId), \(seq), \(fact.unitCode), \(fact.dispatchedAt), \(fact.month.isoDescription)::date, \(fact.districtCode),
                    \(fact.signForBy), \(fact.finishBy), \(fact.signedInTime), \(fact.resolved), \(fact.resolvedOnTime), \(fact.visited),
                    \(fact.solved), \(fact.satisfied), \(fact.sentBack), \(fact.reopened), \(fact.overdue), \(fact.excluded))
                ON CONFLICT (ticket_id, seq) DO UPDATE SET finish_by = EXCLUDED.finish_by, signed_in_time = EXCLUDED.signed_in_time,
                    resolved = EXCLUDED.resolved, resolved_on_time = EXCLUDED.resolved_on_time, visited = EXCLUDED.visited,
                    solved = EXCLUDED.solved, satisfied = EXCLUDED.satisfied, sent_back = EXCLUDED.sent_back, reopened = EXCLUDED.reopened,
                    overdue = EXCLUDED.overdue, excluded = EXCLUDED.excluded
                """, logger: logger)
        }
    }

    /// Adds `increments` (metric → amount) to `unit`'s hour, day and month counters of `time`.
    public static func count(
        _ increments: [String: Int], unit: String, at time: Date, timeZone: TimeZone, on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        guard !increments.isEmpty else { return }
        let metrics = increments.keys.sorted()
        try await connection.query(
            """
            INSERT INTO unit_counters AS counters (unit_code, period, period_start, metric, value)
            SELECT \(unit), period, date_trunc(period, \(time)::timestamptz AT TIME ZONE \(timeZone.identifier)) AT TIME ZONE \(timeZone.identifier), metric, amount
            FROM unnest(ARRAY['hour', 'day', 'month']) AS periods(period), unnest(\(metrics), \(metrics.map { increments[$0]! })) AS m(metric, amount)
            ON CONFLICT (unit_code, period, period_start, metric) DO UPDATE SET value = counters.value + EXCLUDED.value
            """, logger: logger)
    }

    /// Each unit's figures for `month` from the aggregator's facts, and each district's (every
    /// unit's dispatches in the district), summed in PostgreSQL.
    public static func figures(
        month: CalendarDay, on connection: PostgresConnection, logger: Logger
    ) async throws -> (units: [String: UnitFigures], districts: [String: UnitFigures]) {
        let rows = try await connection.query(
            """
            SELECT unit_code IS NULL, COALESCE(unit_code, district_code),
                   count(*) FILTER (WHERE NOT excluded), count(*) FILTER (WHERE NOT excluded AND signed_in_time),
                   count(*) FILTER (WHERE NOT excluded AND resolved), count(*) FILTER (WHERE NOT excluded AND resolved_on_time),
                   count(*) FILTER (WHERE NOT excluded AND visited), count(*) FILTER (WHERE NOT excluded AND solved),
                   count(*) FILTER (WHERE NOT excluded AND satisfied), count(*) FILTER (WHERE NOT excluded AND sent_back),
                   COALESCE(sum(reopened) FILTER (WHERE NOT excluded), 0), count(*) FILTER (WHERE NOT excluded AND overdue),
                   count(*) FILTER (WHERE excluded)
            FROM assessment_facts WHERE month = \(month.isoDescription)::date
            GROUP BY GROUPING SETS ((unit_code), (district_code))
            HAVING COALESCE(unit_code, district_code) IS NOT NULL
            """, logger: logger)
        var units: [String: UnitFigures] = [:]
        var districts: [String: UnitFigures] = [:]
        for try await row in rows {
            let columns = row.makeRandomAccess()
            var figures = UnitFigures()
            func count(_ index: Int) throws -> Int { try columns[index].decode(Int.self) }
            figures.dispatched = try count(2)
            figures.signedInTime = try count(3)
            figures.resolved = try count(4)
            figures.resolvedOnTime = try count(5)
            figures.visited = try count(6)
            figures.solved = try count(7)
            figures.satisfied = try count(8)
            figures.sentBack = try count(9)
            figures.reopened = try count(10)
            figures.overdue = try count(11)
            figures.excluded = try count(12)
            let code = try columns[1].decode(String.self)
            if try columns[0].decode(Bool.self) { districts[code] = figures } else { units[code] = figures }
        }
        return (units, districts)
    }

    /// Replaces `month`'s snapshot with `results`; writers of one month take turns (the
    /// scheduled reports of every aggregator, `hotline assess`), each in its transaction.
    public static func saveSnapshot(
        _ results: [UnitAssessment], month: CalendarDay, at time: Date, on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        try await connection.query(
            "SELECT pg_advisory_xact_lock(hashtext(\("monthly_assessments " + month.isoDescription)))", logger: logger)
        try await connection.query(
            "DELETE FROM monthly_assessments WHERE month = \(month.isoDescription)::date", logger: logger)
        let encoder = JSONEncoder()
        let rows = String(decoding: try encoder.encode(results), as: UTF8.self)
        try await connection.query(
            """
            INSERT INTO monthly_assessments (month, unit_code, unit_name, tier, dispatched, signed_in_time, resolved, resolved_on_time, visited,
                solved, satisfied, sent_back, reopened, overdue, excluded, response_rate, resolution_rate, satisfaction_rate, score, rank,
                class, send_back_rate, reopen_rate, on_time_rate, computed_at)
            SELECT \(month.isoDescription)::date, r->>'unit_code', r->>'unit_name', r->>'tier', (r->'figures'->>'dispatched')::int,
                (r->'figures'->>'signed_in_time')::int, (r->'figures'->>'resolved')::int, (r->'figures'->>'resolved_on_time')::int,
                (r->'figures'->>'visited')::int, (r->'figures'->>'solved')::int, (r->'figures'->>'satisfied')::int, (r->'figures'->>'sent_back')::int,
                (r->'figures'->>'reopened')::int, (r->'figures'->>'overdue')::int, (r->'figures'->>'excluded')::int,
                (r->>'response_rate')::float8, (r->>'resolution_rate')::float8, (r->>'satisfaction_rate')::float8, (r->>'score')::float8,
                (r->>'rank')::int, r->>'class', (r->>'send_back_rate')::float8, (r->>'reopen_rate')::float8, (r->>'on_time_rate')::float8, \(time)
            FROM jsonb_array_elements(\(rows)::jsonb) AS r
            """, logger: logger)
    }

    /// `month`'s stored snapshot (rank, score and class per unit), empty when there is none.
    public static func snapshot(
        month: CalendarDay, on connection: PostgresConnection, logger: Logger
    ) async throws -> [UnitAssessment] {
        let rows = try await connection.query(
            """
            SELECT unit_code, unit_name, tier, score, rank, class, dispatched FROM monthly_assessments WHERE month = \(month.isoDescription)::date
            """, logger: logger)
        var results: [UnitAssessment] = []
        for try await (code, name, tier, score, rank, assessmentClass, dispatched) in rows.decode(
            (String, String, String, Double?, Int?, String?, Int).self)
        {
            var figures = UnitFigures()
            figures.dispatched = dispatched
            results.append(
                UnitAssessment(
                    unitCode: code, unitName: name,
                    tier: try AssessedTier.stored(tier, column: "monthly_assessments.tier"),
                    figures: figures,
                    score: score,
                    rank: rank,
                    assessmentClass: try assessmentClass.map {
                        try AssessmentClass.stored($0, column: "monthly_assessments.class")
                    }))
        }
        return results
    }

    /// The ranks of `month`'s snapshot, empty when there is none.
    public static func ranks(
        month: CalendarDay, on connection: PostgresConnection, logger: Logger
    ) async throws -> [String: Int] {
        var ranks: [String: Int] = [:]
        let rows = try await connection.query(
            "SELECT unit_code, rank FROM monthly_assessments WHERE month = \(month.isoDescription)::date AND rank IS NOT NULL",
            logger: logger)
        for try await (unit, rank) in rows.decode((String, Int).self) { ranks[unit] = rank }
        return ranks
    }

    /// The assessment policy as loaded by `hotline migrate`.
    public static func policy(on connection: PostgresConnection, logger: Logger) async throws -> AssessmentPolicy {
        var values: [String: String] = [:]
        for try await (key, value) in try await connection.query(
            "SELECT key, value FROM assessment_policy", logger: logger
        ).decode(
            (String, String).self)
        {
            values[key] = value
        }
        return try AssessmentPolicy(values: values)
    }
}
