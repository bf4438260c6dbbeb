public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// What a ticket list is narrowed to: the caller's scope, and the optional fields given (all
/// must match).
public struct TicketFilter: Sendable, Equatable {
    /// The tickets the caller may read (`Principal.scope`).
    public var scope: TicketScope
    /// The lead unit.
    public var unitCode: String?
    public var state: TicketState?
    /// A catalog code of any level.
    public var categoryCode: String?
    /// A district or township code.
    public var placeCode: String?
    /// Words in the place as typed.
    public var placeText: String?
    /// Words in the request.
    public var text: String?
    public var receivedFrom: Date?
    public var receivedBefore: Date?
    /// The caller's phone as recorded (the operators' "earlier calls of this caller").
    public var callerPhone: String?

    public init(
        scope: TicketScope = .city, unitCode: String? = nil, state: TicketState? = nil, categoryCode: String? = nil,
        placeCode: String? = nil,
        placeText: String? = nil, text: String? = nil, receivedFrom: Date? = nil, receivedBefore: Date? = nil,
        callerPhone: String? = nil
    ) {
        self.scope = scope
        self.unitCode = unitCode
        self.state = state
        self.categoryCode = categoryCode
        self.placeCode = placeCode
        self.placeText = placeText
        self.text = text
        self.receivedFrom = receivedFrom
        self.receivedBefore = receivedBefore
        self.callerPhone = callerPhone
    }
}

/// Where a page of a list ends: the last ticket shown, newest first.
public struct TicketCursor: Sendable, Equatable {
    public var receivedAt: Date
    public var id: UUID

    public init(receivedAt: Date, id: UUID) {
        self.receivedAt = receivedAt
        self.id = id
    }

    /// The opaque text form used in `next` links: microseconds (PostgreSQL's precision) and id.
    public var token: String { TimeAndIdToken.text(receivedAt, id) }

    /// Reads the text form; nil for anything else.
    public init?(token: String) {
        guard let parsed = TimeAndIdToken.parse(token) else { return nil }
        self.init(receivedAt: parsed.time, id: parsed.id)
    }
}

/// Reads tickets for the API: one with its history, pages of a filtered list, the review queue.
public enum TicketQueries {
    /// The ticket with its history, or nil when there is none.
    public static func find(_ id: UUID, on connection: PostgresConnection, logger: Logger) async throws -> TicketRecord?
    {
        let rows = try await connection.query(
            "SELECT \(unescaped: TicketRecord.columns) FROM tickets WHERE id = \(id)", logger: logger)
        guard var record = try await rows.collect().first.map(TicketRecord.init(row:)) else { return nil }
        record.history = try await history(of: id, on: connection, logger: logger)
        return record
    }

    static func history(of id: UUID, on connection: PostgresConnection, logger: Logger) async throws -> [HistoryEntry] {
        let rows = try await connection.query(
            """
            SELECT event_id, event_type, occurred_at, producer, body->'payload'
            FROM ticket_history WHERE ticket_id = \(id) ORDER BY occurred_at, position
            """, logger: logger)
        var entries: [HistoryEntry] = []
        let decoder = JSONDecoder()
        for try await (eventId, type, occurred, producer, payload) in rows.decode(
            (UUID, String, Date, String, String).self)
        {
            entries.append(
                HistoryEntry(
                    eventId: eventId, eventType: type, occurredAt: occurred, producer: producer,
                    payload: try decoder.decode(JSONValue.self, from: Data(payload.utf8))))
        }
        return entries
    }

    /// Up to `limit` tickets matching `filter`, newest first, after `cursor`.
    public static func search(
        _ filter: TicketFilter, after cursor: TicketCursor?, limit: Int, on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [TicketRecord] {
        var query = QueryBuilder("SELECT \(unescaped: TicketRecord.columns) FROM tickets WHERE ")
        query.append(filter.scope.condition(on: "tickets"))
        if let unit = filter.unitCode { query.append(" AND unit_code = \(unit)") }
        if let state = filter.state { query.append(" AND state = \(state.rawValue)") }
        if let code = filter.categoryCode {
            query.append(" AND (category_code = \(code) OR level2_code = \(code) OR level1_code = \(code))")
        }
        if let code = filter.placeCode { query.append(" AND (township_code = \(code) OR district_code = \(code))") }
        if let words = filter.placeText {
            query.append(" AND place_text ILIKE '%' || \(likePattern(words)) || '%'")
        }
        if let words = filter.text { query.append(" AND request_text ILIKE '%' || \(likePattern(words)) || '%'") }
        if let from = filter.receivedFrom { query.append(" AND received_at >= \(from)") }
        if let before = filter.receivedBefore { query.append(" AND received_at < \(before)") }
        if let phone = filter.callerPhone { query.append(" AND caller_phone = \(phone)") }
        if let cursor { query.append(" AND (received_at, id) < (\(cursor.receivedAt), \(cursor.id))") }
        query.append(" ORDER BY received_at DESC, id DESC LIMIT \(limit)")
        return try await connection.query(query.query, logger: logger).collect().map(TicketRecord.init(row:))
    }

    /// The ticket's state, or nil when there is no such ticket.
    public static func state(
        of id: UUID, on connection: PostgresConnection, logger: Logger
    ) async throws -> TicketState? {
        for try await state in try await connection.query("SELECT state FROM tickets WHERE id = \(id)", logger: logger)
            .decode(String.self)
        {
            return try .stored(state, column: "state")
        }
        return nil
    }

    /// The tickets waiting for an operator to confirm their category, oldest first.
    public static func reviewQueue(
        limit: Int, on connection: PostgresConnection, logger: Logger
    ) async throws -> [TicketRecord] {
        try await connection.query(
            """
            SELECT \(unescaped: TicketRecord.columns) FROM tickets WHERE state = \(TicketState.needsReview.rawValue)
            ORDER BY received_at, id LIMIT \(limit)
            """, logger: logger
        ).collect().map(TicketRecord.init(row:))
    }

    /// `text` with `%`, `_` and `\\` taken literally in an ILIKE pattern.
    static func likePattern(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
