import Foundation
import PostgresNIO

extension OutboxStore {
    /// An event's outbox row and, when it is about a ticket, its history row, in one statement.
    struct AppendEvent: HotStatement {
        static let sql = """
            WITH published AS (
                INSERT INTO outbox (event_id, producer, topic, message_key, event_type, schema_version, body, traceparent)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8))
            INSERT INTO ticket_history (event_id, ticket_id, event_type, occurred_at, producer, body)
            SELECT $1, $9, $5, $10, $2, $11::jsonb WHERE $9 IS NOT NULL
            """
        static let bindingDataTypes: [PostgresDataType] = [
            .uuid, .text, .text, .text, .text, .int8, .bytea, .text, .uuid, .timestamptz, .text,
        ]

        var entry: OutboxEntry
        var history: HistoryEntry?

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 11)
            bindings.append(entry.eventId)
            bindings.append(entry.producer)
            bindings.append(entry.topic)
            bindings.append(entry.messageKey)
            bindings.append(entry.eventType)
            bindings.append(entry.schemaVersion)
            bindings.append(ByteBuffer(bytes: entry.body))
            bindings.append(entry.traceparent)
            bindings.append(history?.ticketId)
            bindings.append(history?.occurredAt)
            // The body is bound as JSON text only for the history row: outbox bodies need not be JSON.
            bindings.append(history.map { _ in String(decoding: entry.body, as: UTF8.self) })
            return bindings
        }
    }
}
