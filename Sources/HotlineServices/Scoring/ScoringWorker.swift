import HotlineDomain
public import HotlineRuntime
import HotlineStorage
import Logging
import PostgresNIO

/// Reads the lifecycle topic and keeps the live per-unit, per-hour counts.
public enum ScoringWorker {
    public static func parts(_ resources: ServiceResources) throws -> ServiceParts {
        ServiceParts(workers: [try resources.consumer(topics: [.lifecycle], handler: Handler())])
    }

    struct Handler: EventBatchHandler {
        var acceptedTypes: Set<EventType> { [.ticketDispatched] }

        func apply(_ events: [ConsumedEvent], on connection: PostgresConnection, logger: Logger) async throws {
            for (consumed, dispatched) in events.payloads(of: TicketDispatched.self) {
                try await connection.query(
                    """
                    INSERT INTO unit_hourly_counts AS counts (unit_code, hour, dispatched)
                    VALUES (\(dispatched.unitCode), date_trunc('hour', \(consumed.event.metadata.occurredAt)::timestamptz), 1)
                    ON CONFLICT (unit_code, hour) DO UPDATE SET dispatched = counts.dispatched + 1
                    """, logger: logger)
            }
        }
    }
}
