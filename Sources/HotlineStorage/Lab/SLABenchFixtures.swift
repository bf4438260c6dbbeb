package import Logging
package import PostgresNIO

/// The timers and tickets `hotline-lab bench sla` ticks through: many far-off timers, and a few
/// dispatched tickets whose timers come due during the measurement.
package enum SLABenchFixtures {
    /// Empties the tickets and timers, then adds `pending` timers due from tomorrow on and
    /// `dueTickets` dispatched tickets without timers.
    package static func reset(
        pending: Int, dueTickets: Int, on client: PostgresClient, logger: Logger
    ) async throws {
        try await client.transaction(logger: logger) { connection in
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
                FROM generate_series(1, \(dueTickets)) AS n
                """, logger: logger)
        }
        try await client.query("ANALYZE sla_timers", logger: logger)
    }

    /// Gives every ticket a timer, due over the next 2 seconds in the order of the tickets;
    /// `count` is the number of tickets.
    package static func scheduleDueTimers(count: Int, on client: PostgresClient, logger: Logger) async throws {
        try await client.query(
            """
            INSERT INTO sla_timers (ticket_id, kind, due_at, unit_code, tier, district_code, created_at)
            SELECT id, 'deadline:finish', now() + interval '1 second' + (row_number() OVER (ORDER BY number)) * interval '2 second' / \(count),
                   '110105026', 'G', '110105', now()
            FROM tickets
            """, logger: logger)
    }

    /// Seconds from due time to firing, per fired timer.
    package static func firedLags(on client: PostgresClient, logger: Logger) async throws -> [Double] {
        let rows = try await client.query(
            "SELECT EXTRACT(EPOCH FROM settled_at - due_at)::float8 FROM sla_timers WHERE state = 'fired'",
            logger: logger)
        var lags: [Double] = []
        for try await lag in rows.decode(Double.self) { lags.append(lag) }
        return lags
    }
}
