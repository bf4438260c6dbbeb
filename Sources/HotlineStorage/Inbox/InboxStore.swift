public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// Every unit's inbox in PostgreSQL (`inbox_items`): written with the events that cause the
/// items, listed and acknowledged by the units, and read in commit order by the live streams.
public enum InboxStore {
    /// Which of a unit's items a list shows; all given conditions must hold.
    public struct Filter: Sendable, Equatable {
        public var kinds: [InboxKind]?
        public var state: StateFilter
        public var ticketId: UUID?

        public init(kinds: [InboxKind]? = nil, state: StateFilter = .all, ticketId: UUID? = nil) {
            self.kinds = kinds
            self.state = state
            self.ticketId = ticketId
        }
    }

    /// Items by what the unit has done with them.
    public enum StateFilter: String, Sendable, CaseIterable {
        case all, unread, unacknowledged, acknowledged
    }

    /// What a unit does to its items.
    public enum Mark: String, Sendable {
        case read, acknowledged
    }

    /// Adds the items `notices` describe, caused by event `eventId` about `ticketId` (nil: about
    /// no single ticket, as an early warning) at `time`, in one statement; an item already
    /// written for the same event, unit and kind is not written again.
    public static func add(
        _ notices: [InboxNotice], eventId: UUID, ticketId: UUID?, at time: Date, on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        try await add(
            [Caused(notices: notices, eventId: eventId, ticketId: ticketId, at: time)], on: connection, logger: logger)
    }

    /// The notices one event causes, with what they are about.
    public struct Caused: Sendable {
        public var notices: [InboxNotice]
        public var eventId: UUID
        /// Nil when the event is about no single ticket.
        public var ticketId: UUID?
        public var time: Date

        public init(notices: [InboxNotice], eventId: UUID, ticketId: UUID?, at time: Date) {
            self.notices = notices
            self.eventId = eventId
            self.ticketId = ticketId
            self.time = time
        }
    }

    /// Adds the items of several events in one statement, as `add` does for one.
    public static func add(_ events: [Caused], on connection: PostgresConnection, logger: Logger) async throws {
        let items = events.flatMap { event in event.notices.map { (event, $0) } }
        guard !items.isEmpty else { return }
        // Arrays bind no NULLs: an absent ticket is bound as '', an absent due time as 0 seconds,
        // an absent note as ''.
        try await connection.query(
            """
            INSERT INTO inbox_items (unit_code, kind, ticket_id, event_id, due_at, note, created_at)
            SELECT unit, kind, NULLIF(ticket, '')::uuid, event, to_timestamp(NULLIF(due, 0)), NULLIF(note, ''), created
            FROM unnest(\(items.map(\.1.unitCode))::text[], \(items.map(\.1.kind.rawValue))::text[],
                        \(items.map { $0.0.ticketId?.uuidString ?? "" })::text[], \(items.map(\.0.eventId))::uuid[],
                        \(items.map { $0.1.dueAt?.timeIntervalSince1970 ?? 0 })::float8[],
                        \(items.map { $0.1.note ?? "" })::text[], \(items.map(\.0.time))::timestamptz[])
                AS n(unit, kind, ticket, event, due, note, created)
            ORDER BY unit, kind, event
            ON CONFLICT (event_id, unit_code, kind) DO NOTHING
            """, logger: logger)
    }

    private static let columns = """
        SELECT i.id, i.xid, i.unit_code, i.kind, i.ticket_id, t.number, i.event_id, i.due_at, i.note, i.created_at,
               i.read_at, i.acknowledged_at, i.acknowledged_by
        FROM inbox_items i LEFT JOIN tickets t ON t.id = i.ticket_id
        """

    /// Up to `limit` items of `unit` matching `filter`, newest first, before item `cursor`.
    public static func items(
        of unit: String, matching filter: Filter, before cursor: Int64?, limit: Int, on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [InboxItem] {
        var query = QueryBuilder("\(unescaped: columns) WHERE i.unit_code = \(unit)")
        if let cursor { query.append(" AND i.id < \(cursor)") }
        if let kinds = filter.kinds { query.append(" AND i.kind = ANY(\(kinds.map(\.rawValue)))") }
        if let ticket = filter.ticketId { query.append(" AND i.ticket_id = \(ticket)") }
        switch filter.state {
        case .all: break
        case .unread: query.append(" AND i.read_at IS NULL")
        case .unacknowledged: query.append(" AND i.acknowledged_at IS NULL")
        case .acknowledged: query.append(" AND i.acknowledged_at IS NOT NULL")
        }
        query.append(" ORDER BY i.id DESC LIMIT \(limit)")
        return try await decode(try await connection.query(query.query, logger: logger))
    }

    /// How many of `unit`'s items are not yet acknowledged, by kind (kinds without any are absent),
    /// and how many are unread.
    public static func openCounts(
        of unit: String, on connection: PostgresConnection, logger: Logger
    ) async throws -> (byKind: [InboxKind: Int], unread: Int) {
        let rows = try await connection.query(
            """
            SELECT kind, count(*), count(*) FILTER (WHERE read_at IS NULL) FROM inbox_items
            WHERE unit_code = \(unit) AND acknowledged_at IS NULL GROUP BY kind
            """, logger: logger)
        var byKind: [InboxKind: Int] = [:]
        var unread = 0
        for try await (kind, count, unreadCount) in rows.decode((String, Int, Int).self) {
            byKind[try InboxKind.stored(kind, column: "inbox_items.kind")] = count
            unread += unreadCount
        }
        return (byKind, unread)
    }

    /// Marks `ids` of `unit` read or acknowledged (acknowledged items are read too) by `actor`;
    /// items of other units and items already so marked are left alone. Returns the ids changed.
    public static func mark(
        _ ids: [Int64], of unit: String, _ mark: Mark, by actor: String, at time: Date,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> [Int64] {
        let rows: PostgresRowSequence
        switch mark {
        case .read:
            rows = try await connection.query(
                """
                UPDATE inbox_items SET read_at = \(time)
                WHERE id = ANY(\(ids)) AND unit_code = \(unit) AND read_at IS NULL RETURNING id
                """, logger: logger)
        case .acknowledged:
            rows = try await connection.query(
                """
                UPDATE inbox_items SET acknowledged_at = \(time), acknowledged_by = \(actor), read_at = COALESCE(read_at, \(time))
                WHERE id = ANY(\(ids)) AND unit_code = \(unit) AND acknowledged_at IS NULL RETURNING id
                """, logger: logger)
        }
        var changed: [Int64] = []
        for try await id in rows.decode(Int64.self) { changed.append(id) }
        return changed.sorted()
    }

    /// Items after `position` in commit order (of `unit`, or of every unit when nil), up to
    /// `limit`, taken only from transactions older than every one still running, so that no
    /// item can later commit before the last one returned.
    public static func committed(
        after position: InboxPosition, unit: String?, limit: Int, on connection: PostgresConnection, logger: Logger
    ) async throws -> [InboxItem] {
        var query = QueryBuilder(
            """
            \(unescaped: columns)
            WHERE (i.xid, i.id) > (\(position.transaction), \(position.item))
              AND i.xid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
            """)
        if let unit { query.append(" AND i.unit_code = \(unit)") }
        query.append(" ORDER BY i.xid, i.id LIMIT \(limit)")
        return try await decode(try await connection.query(query.query, logger: logger))
    }

    /// How many items every inbox holds together, by kind, most first.
    public static func countsByKind(
        on connection: PostgresConnection, logger: Logger
    ) async throws -> [(
        kind: String, count: Int
    )] {
        var counts: [(kind: String, count: Int)] = []
        for try await row in try await connection.query(
            "SELECT kind, count(*) FROM inbox_items GROUP BY kind ORDER BY count(*) DESC, kind", logger: logger
        ).decode((String, Int).self) {
            counts.append(row)
        }
        return counts
    }

    /// The org unit `code`, or nil when there is none.
    public static func unit(_ code: String, on connection: PostgresConnection, logger: Logger) async throws -> OrgUnit?
    {
        let rows = try await connection.query(
            "SELECT code, name, kind, specialty, district_code, parent_code FROM org_units WHERE code = \(code)",
            logger: logger)
        for try await (code, name, kind, specialty, district, parent) in rows.decode(
            (String, String, String, String?, String?, String?).self)
        {
            return OrgUnit(
                code: code, name: name, kind: try .stored(kind, column: "org_units.kind"), specialty: specialty,
                districtCode: district, parentCode: parent)
        }
        return nil
    }

    /// The position of the newest committed item (of every unit): where a stream that wants only new items starts.
    public static func latestPosition(on connection: PostgresConnection, logger: Logger) async throws -> InboxPosition {
        let rows = try await connection.query(
            """
            SELECT xid, id FROM inbox_items WHERE xid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
            ORDER BY xid DESC, id DESC LIMIT 1
            """, logger: logger)
        for try await (transaction, item) in rows.decode((Int64, Int64).self) {
            return InboxPosition(transaction: transaction, item: item)
        }
        return .start
    }

    private static func decode(_ rows: PostgresRowSequence) async throws -> [InboxItem] {
        var items: [InboxItem] = []
        for try await row in rows {
            let (id, xid, unit, kind, ticket, number, event, due, note, created, read, acknowledged, acknowledgedBy) =
                try row.decode(
                    (Int64, Int64, String, String, UUID?, String?, UUID, Date?, String?, Date, Date?, Date?, String?)
                        .self)
            items.append(
                InboxItem(
                    id: id, position: InboxPosition(transaction: xid, item: id), unitCode: unit,
                    kind: try .stored(kind, column: "inbox_items.kind"), ticketId: ticket, ticketNumber: number,
                    eventId: event, dueAt: due, note: note, createdAt: created, readAt: read,
                    acknowledgedAt: acknowledged, acknowledgedBy: acknowledgedBy))
        }
        return items
    }
}
