package import Foundation
package import Logging
package import PostgresNIO

/// How far the tickets of a load run got through the pipeline, read from the tables each
/// service writes.
package enum PipelineProgress {
    /// The tickets received since `since` that are dispatched, have deadlines, and whose dispatch
    /// the consumer `scorer` applied (the only event of a fresh ticket it applies). Cheap enough
    /// to poll while the pipeline works: each count reads one index range.
    package static func through(
        since: Date, scorer: String, on client: PostgresClient, logger: Logger
    ) async throws -> (dispatched: Int, withDeadlines: Int, scored: Int) {
        let rows = try await client.query(
            """
            /* bench */ SELECT (SELECT count(*) FROM tickets WHERE state = 'dispatched' AND received_at >= \(since)),
                   (SELECT count(*) FROM ticket_deadlines WHERE dispatched_at >= \(since)),
                   (SELECT count(*) FROM processed_events WHERE consumer = \(scorer) AND processed_at >= \(since))
            """, logger: logger)
        for try await (dispatched, deadlines, scored) in rows.decode((Int, Int, Int).self) {
            return (dispatched, deadlines, scored)
        }
        return (0, 0, 0)
    }

    /// Seconds from each ticket's `ticket.received` to its `ticket.dispatched`, for tickets
    /// received since `since`.
    package static func intakeToDispatchedSeconds(
        since: Date, on client: PostgresClient, logger: Logger
    ) async throws -> [Double] {
        let rows = try await client.query(
            """
            /* bench */ SELECT EXTRACT(EPOCH FROM d.occurred_at - r.occurred_at)::float8
            FROM ticket_history r JOIN ticket_history d ON d.ticket_id = r.ticket_id AND d.event_type = 'ticket.dispatched'
            WHERE r.event_type = 'ticket.received' AND r.occurred_at >= \(since)
            """, logger: logger)
        var seconds: [Double] = []
        for try await value in rows.decode(Double.self) { seconds.append(value) }
        return seconds
    }
}
