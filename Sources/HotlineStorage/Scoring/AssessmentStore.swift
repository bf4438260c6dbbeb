public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// The scoring aggregator's records: assessment facts, live counters, monthly snapshots.
public enum AssessmentStore {
    /// Records events read from Kafka (once each) in the aggregator's own log, in one
    /// statement; they arrive in the order given.
    public static func log(
        _ events: [(id: UUID, ticketId: UUID, occurredAt: Date, body: [UInt8])], on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        guard !events.isEmpty else { return }
        try await connection.query(
            """
            INSERT INTO scoring_events (event_id, ticket_id, occurred_at, body)
            SELECT event_id, ticket_id, occurred_at, body
            FROM unnest(\(events.map(\.id))::uuid[], \(events.map(\.ticketId))::uuid[], \(events.map(\.occurredAt))::timestamptz[],
                        \(events.map { ByteBuffer(bytes: $0.body) })::bytea[])
                 WITH ORDINALITY AS e(event_id, ticket_id, occurred_at, body, ordinal)
            ORDER BY ordinal
            ON CONFLICT (event_id) DO NOTHING
            """, logger: logger)
    }

    /// The logged events of each of `tickets`, each ticket's in the order they happened.
    public static func loggedEvents(
        of tickets: [UUID], on connection: PostgresConnection, logger: Logger
    ) async throws -> [UUID: [[UInt8]]] {
        var bodies: [UUID: [[UInt8]]] = [:]
        let rows = try await connection.query(
            """
            SELECT ticket_id, body FROM scoring_events WHERE ticket_id = ANY(\(tickets)::uuid[])
            ORDER BY ticket_id, occurred_at, arrival
            """, logger: logger)
        for try await (ticketId, body) in rows.decode((UUID, ByteBuffer).self) {
            bodies[ticketId, default: []].append(Array(body.readableBytesView))
        }
        return bodies
    }

    /// The facts of each of `tickets`, oldest dispatch first.
    public static func facts(
        of tickets: [UUID], on connection: PostgresConnection, logger: Logger
    ) async throws -> [UUID: [AssessmentFact]] {
        let rows = try await connection.query(
            """
            SELECT ticket_id, unit_code, dispatched_at, to_char(month, 'YYYY-MM-DD'), district_code, sign_for_by, finish_by,
                   signed_in_time, resolved, resolved_on_time, visited, solved, satisfied, sent_back, reopened, overdue, excluded
            FROM assessment_facts WHERE ticket_id = ANY(\(tickets)::uuid[]) ORDER BY ticket_id, seq
            """, logger: logger)
        var facts: [UUID: [AssessmentFact]] = [:]
        for try await row in rows {
            let columns = row.makeRandomAccess()
            let ticketId = try columns[0].decode(UUID.self)
            let month = try columns[3].decode(String.self).split(separator: "-").compactMap { Int($0) }
            var fact = AssessmentFact(
                ticketId: ticketId, unitCode: try columns[1].decode(String.self),
                dispatchedAt: try columns[2].decode(Date.self),
                month: CalendarDay(year: month[0], month: month[1], day: month[2]),
                districtCode: try columns[4].decode(String?.self),
                signForBy: try columns[5].decode(Date.self), finishBy: try columns[6].decode(Date?.self))
            fact.signedInTime = try columns[7].decode(Bool.self)
            fact.resolved = try columns[8].decode(Bool.self)
            fact.resolvedOnTime = try columns[9].decode(Bool.self)
            fact.visited = try columns[10].decode(Bool.self)
            fact.solved = try columns[11].decode(Bool.self)
            fact.satisfied = try columns[12].decode(Bool.self)
            fact.sentBack = try columns[13].decode(Bool.self)
            fact.reopened = try columns[14].decode(Int.self)
            fact.overdue = try columns[15].decode(Bool.self)
            fact.excluded = try columns[16].decode(Bool.self)
            facts[ticketId, default: []].append(fact)
        }
        return facts
    }

    /// Writes the facts of each ticket given (all of a ticket's; `seq` is the position), in one
    /// statement. Give each ticket once.
    public static func save(
        _ tickets: [[AssessmentFact]], on connection: PostgresConnection, logger: Logger
    ) async throws {
        let rows = tickets.flatMap { $0.enumerated().map { (seq: $0.offset, fact: $0.element) } }
        guard !rows.isEmpty else { return }
        let facts = rows.map(\.fact)
        // Arrays bind no NULLs: an absent district is bound as '', an absent finish time as a flag.
        try await connection.query(
            """
            INSERT INTO assessment_facts (ticket_id, seq, unit_code, dispatched_at, month, district_code, sign_for_by, finish_by,
                signed_in_time, resolved, resolved_on_time, visited, solved, satisfied, sent_back, reopened, overdue, excluded)
            SELECT ticket_id, seq, unit_code, dispatched_at, month::date, NULLIF(district_code, ''), sign_for_by,
                CASE WHEN has_finish_by THEN finish_by END, signed_in_time, resolved, resolved_on_time, visited, solved,
                satisfied, sent_back, reopened, overdue, excluded
            FROM unnest(\(facts.map(\.ticketId))::uuid[], \(rows.map(\.seq))::int8[], \(facts.map(\.unitCode))::text[],
                \(facts.map(\.dispatchedAt))::timestamptz[], \(facts.map(\.month.isoDescription))::text[],
                \(facts.map { $0.districtCode ?? "" })::text[], \(facts.map(\.signForBy))::timestamptz[],
                \(facts.map { $0.finishBy != nil })::bool[], \(facts.map { $0.finishBy ?? $0.signForBy })::timestamptz[],
                \(facts.map(\.signedInTime))::bool[], \(facts.map(\.resolved))::bool[], \(facts.map(\.resolvedOnTime))::bool[],
                \(facts.map(\.visited))::bool[], \(facts.map(\.solved))::bool[], \(facts.map(\.satisfied))::bool[],
                \(facts.map(\.sentBack))::bool[], \(facts.map(\.reopened))::int8[], \(facts.map(\.overdue))::bool[],
                \(facts.map(\.excluded))::bool[])
                AS f(ticket_id, seq, unit_code, dispatched_at, month, district_code, sign_for_by, has_finish_by, finish_by,
                     signed_in_time, resolved, resolved_on_time, visited, solved, satisfied, sent_back, reopened, overdue, excluded)
            ON CONFLICT (ticket_id, seq) DO UPDATE SET finish_by = EXCLUDED.finish_by, signed_in_time = EXCLUDED.signed_in_time,
                resolved = EXCLUDED.resolved, resolved_on_time = EXCLUDED.resolved_on_time, visited = EXCLUDED.visited,
                solved = EXCLUDED.solved, satisfied = EXCLUDED.satisfied, sent_back = EXCLUDED.sent_back, reopened = EXCLUDED.reopened,
                overdue = EXCLUDED.overdue, excluded = EXCLUDED.excluded
            """, logger: logger)
    }

    /// An amount to add to one of a unit's counters at a time.
    public struct Increment: Sendable, Equatable {
        public var unitCode: String
        public var time: Date
        public var metric: String
        public var amount: Int

        public init(unitCode: String, time: Date, metric: String, amount: Int) {
            self.unitCode = unitCode
            self.time = time
            self.metric = metric
            self.amount = amount
        }
    }

    /// Adds each of `increments` to its unit's hour, day and month counters of its time, in one
    /// statement. The counter rows are taken in key order, so two aggregators adding to the same
    /// counters wait for each other instead of deadlocking.
    public static func count(
        _ increments: [Increment], timeZone: TimeZone, on connection: PostgresConnection, logger: Logger
    ) async throws {
        guard !increments.isEmpty else { return }
        let zone = timeZone.identifier
        try await connection.query(
            """
            INSERT INTO unit_counters AS counters (unit_code, period, period_start, metric, value)
            SELECT unit, period, date_trunc(period, time AT TIME ZONE \(zone)) AT TIME ZONE \(zone), metric, sum(amount)::bigint
            FROM unnest(\(increments.map(\.unitCode))::text[], \(increments.map(\.time))::timestamptz[],
                        \(increments.map(\.metric))::text[], \(increments.map(\.amount))::int8[]) AS m(unit, time, metric, amount),
                 unnest(ARRAY['hour', 'day', 'month']) AS periods(period)
            GROUP BY 1, 2, 3, 4
            ORDER BY 1, 2, 3, 4
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
