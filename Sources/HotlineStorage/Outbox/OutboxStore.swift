public import Foundation
public import Logging
public import PostgresNIO

/// Reads and writes the `outbox` table. Writers call `append` inside the transaction that makes
/// the state change; relays claim unpublished rows with `FOR UPDATE SKIP LOCKED`, so several
/// relays never publish the same row from two open transactions.
public enum OutboxStore {
    /// Where an event about a ticket is also written for people to read: the ticket's history.
    public struct HistoryEntry: Sendable {
        public var ticketId: UUID
        public var occurredAt: Date

        public init(ticketId: UUID, occurredAt: Date) {
            self.ticketId = ticketId
            self.occurredAt = occurredAt
        }
    }

    /// Adds `entry` in the caller's transaction, and with `history` also the ticket's history
    /// row, in one statement (one round trip). The only writer of outbox rows.
    public static func append(
        _ entry: OutboxEntry, history: HistoryEntry?, on connection: PostgresConnection, logger: Logger
    ) async throws {
        // The body is bound as JSON text only for the history row: outbox bodies need not be JSON.
        let historyBody = history.map { _ in String(decoding: entry.body, as: UTF8.self) }
        try await connection.query(
            """
            WITH published AS (
                INSERT INTO outbox (event_id, producer, topic, message_key, event_type, schema_version, body, traceparent)
                VALUES (\(entry.eventId), \(entry.producer), \(entry.topic), \(entry.messageKey), \(entry.eventType),
                        \(entry.schemaVersion), \(ByteBuffer(bytes: entry.body)), \(entry.traceparent)))
            INSERT INTO ticket_history (event_id, ticket_id, event_type, occurred_at, producer, body)
            SELECT \(entry.eventId), ticket, \(entry.eventType), occurred, \(entry.producer), body::jsonb
            FROM (VALUES (\(history?.ticketId)::uuid, \(history?.occurredAt)::timestamptz, \(historyBody)::text))
                AS h(ticket, occurred, body)
            WHERE ticket IS NOT NULL
            """, logger: logger)
    }

    /// Which unpublished rows a relay takes.
    public enum Claim: Sendable {
        /// The rows `producer` wrote: its own relay.
        case producer(String)
        /// Rows of any producer left unpublished longer than this many seconds: the
        /// reconciler's relay, for a producer that is down or whose relay is stuck.
        case abandoned(olderThanSeconds: Double)
    }

    /// Locks and returns up to `limit` unpublished rows, oldest first. Call inside a
    /// transaction; the locks hold until it ends.
    public static func claimUnpublished(
        _ claim: Claim, limit: Int, on connection: PostgresConnection, logger: Logger
    ) async throws -> [OutboxRow] {
        let columns =
            "SELECT id, event_id, producer, topic, message_key, event_type, schema_version, body, traceparent FROM outbox"
        let rows: PostgresRowSequence
        switch claim {
        case .producer(let producer):
            rows = try await connection.query(
                "\(unescaped: columns) WHERE producer = \(producer) AND published_at IS NULL ORDER BY id LIMIT \(limit) FOR UPDATE SKIP LOCKED",
                logger: logger)
        case .abandoned(let seconds):
            rows = try await connection.query(
                """
                \(unescaped: columns) WHERE published_at IS NULL AND created_at < now() - make_interval(secs => \(seconds))
                ORDER BY id LIMIT \(limit) FOR UPDATE SKIP LOCKED
                """, logger: logger)
        }
        var claimed: [OutboxRow] = []
        for try await (id, eventId, producer, topic, key, type, version, body, traceparent) in rows.decode(
            (Int64, UUID, String, String, String, String, Int, ByteBuffer, String?).self)
        {
            let entry = OutboxEntry(
                eventId: eventId, producer: producer, topic: topic, messageKey: key, eventType: type,
                schemaVersion: version, body: Array(buffer: body), traceparent: traceparent)
            claimed.append(OutboxRow(id: id, entry: entry))
        }
        return claimed
    }

    /// Marks as unpublished again, so their producer's relay sends them once more, the events
    /// of `types` that `consumer` has not recorded as processed although it has since applied
    /// events published more than `grace` seconds after them: lost on the way (a broker that
    /// restarted empty, a topic deleted by mistake). A consumer that is merely behind has not
    /// applied anything that recent, so its backlog is left alone. The consumer's position is
    /// the latest publication among the last 500 events it applied. Looks back `lookback`
    /// seconds, at most `limit` rows; returns how many.
    public static func requeueUnapplied(
        consumer: String, types: [String], grace: Double, lookback: Double, limit: Int,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> Int {
        let rows = try await connection.query(
            """
            WITH position AS (
                SELECT max(o.published_at) AS published_at
                FROM (SELECT event_id FROM processed_events WHERE consumer = \(consumer) ORDER BY processed_at DESC LIMIT 500) AS p
                JOIN outbox o ON o.event_id = p.event_id)
            UPDATE outbox SET published_at = NULL WHERE id IN (
                SELECT o.id FROM outbox o, position
                WHERE o.published_at < position.published_at - make_interval(secs => \(grace))
                  AND o.published_at > now() - make_interval(secs => \(lookback))
                  AND o.event_type = ANY(\(types))
                  AND NOT EXISTS (SELECT 1 FROM processed_events p WHERE p.consumer = \(consumer) AND p.event_id = o.event_id)
                ORDER BY o.id LIMIT \(limit) FOR UPDATE SKIP LOCKED)
            RETURNING id
            """, logger: logger)
        var count = 0
        for try await _ in rows { count += 1 }
        return count
    }

    /// Stamps rows as published, in the transaction that claimed them, with the database's
    /// time (the reconciler measures its grace in real time, whatever clock the services use).
    public static func markPublished(_ ids: [Int64], on connection: PostgresConnection, logger: Logger) async throws {
        guard !ids.isEmpty else { return }
        try await connection.query(
            "UPDATE outbox SET published_at = now() WHERE id = ANY(\(ids))", logger: logger)
    }

    /// How many rows wait to be published, per producer (for metrics and status).
    public static func backlog(on client: PostgresClient, logger: Logger) async throws -> [String: Int] {
        let rows = try await client.query(
            "SELECT producer, count(*)::bigint FROM outbox WHERE published_at IS NULL GROUP BY producer", logger: logger
        )
        var backlog: [String: Int] = [:]
        for try await (producer, count) in rows.decode((String, Int).self) { backlog[producer] = count }
        return backlog
    }
}
