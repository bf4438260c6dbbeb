import Foundation
public import Logging
public import PostgresNIO

/// Reads and writes the `outbox` table. Writers call `append` inside the transaction that makes
/// the state change; relays claim unpublished rows with `FOR UPDATE SKIP LOCKED`, so several
/// relays never publish the same row from two open transactions.
public enum OutboxStore {
    /// Adds `entries` in the caller's transaction.
    public static func append(_ entries: [OutboxEntry], on connection: PostgresConnection, logger: Logger) async throws {
        for entry in entries {
            try await connection.query(
                """
                INSERT INTO outbox (event_id, producer, topic, message_key, event_type, schema_version, body, traceparent)
                VALUES (\(entry.eventId), \(entry.producer), \(entry.topic), \(entry.messageKey), \(entry.eventType),
                        \(entry.schemaVersion), \(ByteBuffer(bytes: entry.body)), \(entry.traceparent))
                """, logger: logger)
        }
    }

    /// Locks and returns up to `limit` unpublished rows of `producer`, oldest first. Call inside
    /// a transaction; the locks hold until it ends.
    public static func claimUnpublished(producer: String, limit: Int, on connection: PostgresConnection, logger: Logger) async throws -> [OutboxRow] {
        let rows = try await connection.query(
            """
            SELECT id, event_id, topic, message_key, event_type, schema_version, body, traceparent
            FROM outbox WHERE producer = \(producer) AND published_at IS NULL
            ORDER BY id LIMIT \(limit) FOR UPDATE SKIP LOCKED
            """, logger: logger)
        var claimed: [OutboxRow] = []
        for try await (id, eventId, topic, key, type, version, body, traceparent) in rows.decode(
            (Int64, UUID, String, String, String, Int, ByteBuffer, String?).self)
        {
            let entry = OutboxEntry(
                eventId: eventId, producer: producer, topic: topic, messageKey: key, eventType: type,
                schemaVersion: version, body: Array(buffer: body), traceparent: traceparent)
            claimed.append(OutboxRow(id: id, entry: entry))
        }
        return claimed
    }

    /// Stamps rows as published, in the transaction that claimed them.
    public static func markPublished(_ ids: [Int64], at time: Date, on connection: PostgresConnection, logger: Logger) async throws {
        guard !ids.isEmpty else { return }
        try await connection.query(
            "UPDATE outbox SET published_at = \(time) WHERE id = ANY(\(ids))", logger: logger)
    }

    /// How many rows wait to be published, per producer (for metrics and status).
    public static func backlog(on client: PostgresClient, logger: Logger) async throws -> [String: Int] {
        let rows = try await client.query(
            "SELECT producer, count(*)::bigint FROM outbox WHERE published_at IS NULL GROUP BY producer", logger: logger)
        var backlog: [String: Int] = [:]
        for try await (producer, count) in rows.decode((String, Int).self) { backlog[producer] = count }
        return backlog
    }
}
