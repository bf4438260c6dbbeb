import HotlineDomain
public import HotlineRuntime
import HotlineStorage
import Logging
import PostgresNIO

/// Reads `ticket.dispatched` and records the ticket's deadlines under the time-limit policy.
public enum SLATimerWorker {
    public static func parts(_ resources: ServiceResources, policy: TimeLimitPolicy = .beijing) throws -> ServiceParts {
        ServiceParts(workers: [try resources.consumer(topics: [.lifecycle], handler: Handler(policy: policy))])
    }

    struct Handler: EventBatchHandler {
        let policy: TimeLimitPolicy
        var acceptedTypes: Set<EventType> { [.ticketDispatched] }

        func apply(_ events: [ConsumedEvent], on connection: PostgresConnection, logger: Logger) async throws {
            for (consumed, dispatched) in events.payloads(of: TicketDispatched.self) {
                let metadata = consumed.event.metadata
                let deadlines = policy.deadlines(tier: dispatched.urgency, dispatchedAt: metadata.occurredAt)
                try await connection.query(
                    """
                    INSERT INTO ticket_deadlines (ticket_id, unit_code, urgency, dispatched_at, assign_by, finish_by)
                    VALUES (\(metadata.ticketId), \(dispatched.unitCode), \(dispatched.urgency.rawValue),
                            \(metadata.occurredAt), \(deadlines.assignBy), \(deadlines.finishBy))
                    ON CONFLICT (ticket_id) DO UPDATE SET unit_code = EXCLUDED.unit_code, urgency = EXCLUDED.urgency,
                        dispatched_at = EXCLUDED.dispatched_at, assign_by = EXCLUDED.assign_by, finish_by = EXCLUDED.finish_by
                    """, logger: logger)
            }
        }
    }
}
