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
            bindings.append(outboxColumnsOf: entry)
            bindings.append(history?.ticketId)
            bindings.append(history?.occurredAt)
            // The body is bound as JSON text only for the history row: outbox bodies need not be JSON.
            bindings.append(history.map { _ in String(decoding: entry.body, as: UTF8.self) })
            return bindings
        }
    }
}

extension PostgresBindings {
    /// Appends `entry`'s eight outbox columns, in the order of `INSERT INTO outbox (event_id,
    /// producer, topic, message_key, event_type, schema_version, body, traceparent)`.
    mutating func append(outboxColumnsOf entry: OutboxEntry) {
        append(entry.eventId)
        append(entry.producer)
        append(entry.topic)
        append(entry.messageKey)
        append(entry.eventType)
        append(entry.schemaVersion)
        append(ByteBuffer(bytes: entry.body))
        append(entry.traceparent)
    }
}
