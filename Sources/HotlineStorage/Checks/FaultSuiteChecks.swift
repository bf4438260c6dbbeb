package import Foundation
package import Logging
package import PostgresNIO

/// What must hold once the fault suite's storm is over and the cluster is quiet again, checked
/// with SQL over the tickets the load saw accepted (and, for timers and inboxes, over the run).
package enum FaultSuiteChecks {
    /// Each rule that does not hold, with how many tickets break it. `ids` are the accepted
    /// tickets; `loadKeyPrefix` starts every idempotency key the load sent; `scorer` is the
    /// scoring aggregator's consumer name.
    package static func violations(
        of ids: [UUID], loadKeyPrefix: String, scorer: String, on client: PostgresClient, logger: Logger
    ) async throws -> [String] {
        let checks: [(String, PostgresQuery)] = [
            (
                "accepted tickets missing from PostgreSQL",
                "SELECT count(*) FROM unnest(\(ids)::uuid[]) AS a(id) WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = a.id)"
            ),
            (
                "tickets the load created but never saw accepted",
                """
                SELECT count(*) FROM tickets t JOIN idempotency_keys k ON k.ticket_id = t.id
                WHERE k.key LIKE \(loadKeyPrefix + "%") AND t.id <> ALL(\(ids)::uuid[])
                """
            ),
            (
                "accepted tickets not dispatched",
                "SELECT count(*) FROM tickets WHERE id = ANY(\(ids)::uuid[]) AND state <> 'dispatched'"
            ),
            (
                "accepted tickets without deadlines",
                """
                SELECT count(*) FROM unnest(\(ids)::uuid[]) AS a(id)
                WHERE NOT EXISTS (SELECT 1 FROM ticket_deadlines d WHERE d.ticket_id = a.id)
                """
            ),
            (
                "lifecycle events recorded more than once",
                """
                SELECT count(*) FROM (SELECT 1 FROM ticket_history WHERE ticket_id = ANY(\(ids)::uuid[])
                  AND event_type IN ('ticket.received', 'ticket.classified', 'ticket.dispatched')
                  GROUP BY ticket_id, event_type HAVING count(*) > 1) AS repeated
                """
            ),
            (
                "dispatches the scoring aggregator never counted",
                """
                SELECT count(*) FROM ticket_history h WHERE h.ticket_id = ANY(\(ids)::uuid[]) AND h.event_type = 'ticket.dispatched'
                  AND NOT EXISTS (SELECT 1 FROM processed_events p WHERE p.consumer = \(scorer) AND p.event_id = h.event_id)
                """
            ),
            (
                "timers fired more than once",
                """
                SELECT count(*) FROM (SELECT 1 FROM ticket_history WHERE event_type = 'sla.timer_fired'
                  GROUP BY ticket_id, body->'payload'->>'timer', body->'payload'->>'due_at' HAVING count(*) > 1) AS repeated
                """
            ),
            (
                "dispatches without exactly one inbox item for their lead unit",
                """
                SELECT count(*) FROM ticket_history h WHERE h.ticket_id = ANY(\(ids)::uuid[]) AND h.event_type = 'ticket.dispatched'
                  AND (SELECT count(*) FROM inbox_items i
                       WHERE i.event_id = h.event_id AND i.unit_code = h.body->'payload'->>'unit_code') <> 1
                """
            ),
            (
                "fired checkpoints without exactly one inbox item",
                """
                SELECT count(*) FROM ticket_history h
                WHERE h.event_type = 'sla.timer_fired' AND h.body->'payload'->>'kind' = 'checkpoint'
                  AND (SELECT count(*) FROM inbox_items i WHERE i.event_id = h.event_id AND i.kind = 'checkpoint') <> 1
                """
            ),
            (
                "checkpoints due more than a minute ago and not fired",
                """
                SELECT count(*) FROM sla_timers
                WHERE state = 'pending' AND kind LIKE 'checkpoint:%' AND due_at < \(unescaped: simulatedNow) - interval '1 minute'
                """
            ),
        ]
        var violations: [String] = []
        for (rule, query) in checks {
            for try await count in try await client.query(query, logger: logger).decode(Int.self) where count > 0 {
                violations.append("\(rule): \(count)")
            }
        }
        return violations
    }

    /// The services' time in SQL: the shared simulated clock when one is set, else the database's.
    private static let simulatedNow = """
        (SELECT COALESCE(max(simulated_anchor + (now() - real_anchor) * speed), now()) FROM simulation_clock)
        """

}
