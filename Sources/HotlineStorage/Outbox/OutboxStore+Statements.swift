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

    /// The ids of up to `limit` unpublished rows of `producer`, oldest first, each claimed by a
    /// transaction-scoped advisory lock; rows another relay holds are skipped. It looks at
    /// `window` candidates, so relays of one producer running together claim different rows.
    struct ClaimProducerRows: HotStatement {
        static let sql = """
            SELECT id FROM (SELECT id FROM outbox WHERE producer = $1 AND published_at IS NULL ORDER BY id LIMIT $2)
                AS candidate
            WHERE pg_try_advisory_xact_lock($3, (id % 2147483647)::int) LIMIT $4
            """
        static let bindingDataTypes: [PostgresDataType] = [.text, .int8, .int4, .int8]

        var producer: String
        var window: Int
        var limit: Int

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 4)
            bindings.append(producer)
            bindings.append(window)
            bindings.append(claimLockSpace)
            bindings.append(limit)
            return bindings
        }
    }
}
