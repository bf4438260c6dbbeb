import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// Writes an event where it belongs, inside the caller's transaction: the outbox (to be
/// published) and the ticket's history (to be read by people).
public enum EventRecorder {
    public static func record<P: EventPayload>(
        _ event: Event<P>, trace: TraceContext?, on connection: PostgresConnection, logger: Logger
    ) async throws {
        let entry = try OutboxEntry(event, traceparent: trace?.description)
        // One statement, one round trip: the outbox row and the history row.
        try await connection.query(
            """
            WITH published AS (
                INSERT INTO outbox (event_id, producer, topic, message_key, event_type, schema_version, body, traceparent)
                VALUES (\(entry.eventId), \(entry.producer), \(entry.topic), \(entry.messageKey), \(entry.eventType),
                        \(entry.schemaVersion), \(ByteBuffer(bytes: entry.body)), \(entry.traceparent)))
            INSERT INTO ticket_history (event_id, ticket_id, event_type, occurred_at, producer, body)
            VALUES (\(event.metadata.id), \(event.metadata.ticketId), \(entry.eventType), \(event.metadata.occurredAt),
                    \(event.metadata.producer), \(String(decoding: entry.body, as: UTF8.self))::jsonb)
            """, logger: logger)
    }
}
