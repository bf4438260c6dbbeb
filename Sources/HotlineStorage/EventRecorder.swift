import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// Writes an event where it belongs, inside the caller's transaction: the outbox (to be
/// published) and the ticket's history (to be read by people).
public enum EventRecorder {
    public static func record<P: EventPayload>(_ event: Event<P>, trace: TraceContext?, on connection: PostgresConnection, logger: Logger) async throws {
        let entry = try OutboxEntry(event, traceparent: trace?.description)
        try await OutboxStore.append([entry], on: connection, logger: logger)
        try await connection.query(
            """
            INSERT INTO ticket_history (event_id, ticket_id, event_type, occurred_at, producer, body)
            VALUES (\(event.metadata.id), \(event.metadata.ticketId), \(entry.eventType), \(event.metadata.occurredAt),
                    \(event.metadata.producer), \(String(decoding: entry.body, as: UTF8.self))::jsonb)
            """, logger: logger)
    }
}
