public import Foundation
public import Logging
public import PostgresNIO

/// Reads and writes the `outbox` table. Writers call `append` inside the transaction that makes
/// the state change; relays claim unpublished rows (``claimUnpublished(_:limit:on:logger:)``),
/// so several relays never publish the same row from two open transactions.
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
        _ = try await connection.execute(AppendEvent(entry: entry, history: history), logger: logger)
    }

    /// Adds `entries`, each with its ticket's history row, in the caller's transaction, in one
    /// statement; their outbox rows are numbered in the order given.
    public static func append(
        all entries: [(entry: OutboxEntry, history: HistoryEntry)], on connection: PostgresConnection, logger: Logger
    ) async throws {
        guard !entries.isEmpty else { return }
        // Arrays bind no NULLs: an absent traceparent is bound as ''. The body is bound as JSON text
        // only for the history rows, as in `AppendEvent`.
        try await connection.query(
            """
            WITH rows AS (
                SELECT * FROM unnest(\(entries.map(\.entry.eventId)), \(entries.map(\.entry.producer)),
                    \(entries.map(\.entry.topic)), \(entries.map(\.entry.messageKey)), \(entries.map(\.entry.eventType)),
                    \(entries.map(\.entry.schemaVersion)), \(entries.map { ByteBuffer(bytes: $0.entry.body) }),
                    \(entries.map { $0.entry.traceparent ?? "" }), \(entries.map(\.history.ticketId)),
                    \(entries.map(\.history.occurredAt)), \(entries.map { String(decoding: $0.entry.body, as: UTF8.self) }))
                    WITH ORDINALITY AS r(event_id, producer, topic, message_key, event_type, schema_version, body,
                                         traceparent, ticket_id, occurred_at, json, ordinal)),
            published AS (
                INSERT INTO outbox (event_id, producer, topic, message_key, event_type, schema_version, body, traceparent)
                SELECT event_id, producer, topic, message_key, event_type, schema_version, body, NULLIF(traceparent, '')
                FROM rows ORDER BY ordinal)
            INSERT INTO ticket_history (event_id, ticket_id, event_type, occurred_at, producer, body)
            SELECT event_id, ticket_id, event_type, occurred_at, producer, json::jsonb FROM rows ORDER BY ordinal
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

    /// Claims and returns up to `limit` unpublished rows, oldest first, skipping rows another
    /// relay holds. Call inside a transaction; the claims hold until it ends.
    ///
    /// A claim is a transaction-scoped advisory lock on the row's id, not a row lock: a row
    /// lock gives the transaction an id for as long as the relay waits for the broker, and a
    /// running transaction id holds back `pg_snapshot_xmin`, which the live inboxes wait on.
    /// The rows are read again after the claim, so one another relay published and released
    /// meanwhile is not sent twice.
    public static func claimUnpublished(
        _ claim: Claim, limit: Int, on connection: PostgresConnection, logger: Logger
    ) async throws -> [OutboxRow] {
        // Candidates beyond `limit`, so relays of one producer running together claim different
        // rows; only integers are spliced into the text. Not a prepared statement: a generic
        // plan, made while few rows wait, reads the index of all producers' unpublished rows and
        // sorts them.
        let window = limit * 4
        let claimFirst =
            ") AS candidate WHERE pg_try_advisory_xact_lock(\(claimLockSpace), (id % 2147483647)::int) LIMIT \(limit)"
        let candidates: PostgresRowSequence
        switch claim {
        case .producer(let producer):
            candidates = try await connection.query(
                """
                SELECT id FROM (SELECT id FROM outbox WHERE producer = \(producer) AND published_at IS NULL
                ORDER BY id LIMIT \(window)\(unescaped: claimFirst)
                """, logger: logger)
        case .abandoned(let seconds):
            candidates = try await connection.query(
                """
                SELECT id FROM (SELECT id FROM outbox
                WHERE published_at IS NULL AND created_at < now() - make_interval(secs => \(seconds))
                ORDER BY id LIMIT \(window)\(unescaped: claimFirst)
                """, logger: logger)
        }
        var ids: [Int64] = []
        for try await id in candidates.decode(Int64.self) { ids.append(id) }
        guard !ids.isEmpty else { return [] }
        let rows = try await connection.query(
            """
            SELECT id, event_id, producer, topic, message_key, event_type, schema_version, body, traceparent
            FROM outbox WHERE id = ANY(\(ids)) AND published_at IS NULL ORDER BY id
            """, logger: logger)
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

    /// How far `consumer` has got: the latest publication among the last 500 events it
    /// applied, less `grace` seconds. An event of its types published before that and not in its
    /// processed-events record was lost on the way (a broker that restarted empty, a topic
    /// deleted by mistake); a consumer that is merely behind has not applied anything that
    /// recent. Once it has applied nothing for `grace` seconds, the grace is not taken off:
    /// events lost in the last seconds before traffic stopped would otherwise wait for the
    /// next traffic. Nil when it has applied nothing.
    public static func settledPosition(
        of consumer: String, grace: Double, on connection: PostgresConnection, logger: Logger
    ) async throws -> Date? {
        let rows = try await connection.query(
            """
            SELECT max(o.published_at)
                - CASE WHEN max(p.processed_at) < now() - make_interval(secs => \(grace)) THEN interval '0'
                       ELSE make_interval(secs => \(grace)) END
            FROM (SELECT event_id, processed_at FROM processed_events WHERE consumer = \(consumer)
                  ORDER BY processed_at DESC LIMIT 500) AS p
            JOIN outbox o ON o.event_id = p.event_id
            """, logger: logger)
        for try await position in rows.decode(Date?.self) { return position }
        return nil
    }

    /// Marks as unpublished again, so their producer's relay sends them once more, the events
    /// of `types` published after `after` (and at most `lookback` seconds ago) up to `through`
    /// that `consumer` has not recorded as processed: at most `limit`, the oldest first.
    /// Returns how many.
    public static func requeueUnapplied(
        consumer: String, types: [String], after: Date?, through: Date, lookback: Double, limit: Int,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> Int {
        let rows = try await connection.query(
            """
            UPDATE outbox SET published_at = NULL WHERE id IN (
                SELECT o.id FROM outbox o
                WHERE o.published_at > GREATEST(\(after), now() - make_interval(secs => \(lookback)))
                  AND o.published_at <= \(through)
                  AND o.event_type = ANY(\(types))
                  AND NOT EXISTS (SELECT 1 FROM processed_events p WHERE p.consumer = \(consumer) AND p.event_id = o.event_id)
                ORDER BY o.published_at LIMIT \(limit) FOR UPDATE SKIP LOCKED)
            RETURNING id
            """, logger: logger)
        var count = 0
        for try await _ in rows { count += 1 }
        return count
    }

    /// The first key of the relays' advisory locks (the second is the row's id): its own key
    /// space, apart from the single-key locks of migrations and links.
    static let claimLockSpace: Int32 = 0x6f75_7462

    /// Stamps rows as published, in the transaction that claimed them, with the database's
    /// time (the reconciler measures its grace in real time, whatever clock the services use) at
    /// this statement, after the broker's acknowledgement: not `now()`, the transaction's start,
    /// which is as old as the relay's wait for the broker (up to the message timeout while the
    /// broker is away), and would put a row behind positions the reconciler has already checked.
    public static func markPublished(_ ids: [Int64], on connection: PostgresConnection, logger: Logger) async throws {
        guard !ids.isEmpty else { return }
        try await connection.query(
            "UPDATE outbox SET published_at = clock_timestamp() WHERE id = ANY(\(ids))", logger: logger)
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
