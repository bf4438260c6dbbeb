public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// Group cases (群体诉求) in PostgreSQL (`group_requests` and the tickets linked to them): listed
/// by scope, read with their tickets, locked and settled by a joint resolution.
public enum GroupCaseStore {
    private static let columns = """
        SELECT g.id, g.leaf_code, g.township_code, g.district_code, g.state, g.ticket_count, g.first_at, g.last_at,
               g.detected_at, g.resolved_at
        FROM group_requests g
        """

    /// Up to `limit` cases within `scope`, newest first, after `cursor`: the city's every case, a
    /// district's those of its townships, a unit's those of its own township.
    public static func cases(
        within scope: TicketScope, after cursor: GroupCaseCursor?, limit: Int, on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [GroupCase] {
        var query = QueryBuilder("\(unescaped: columns) WHERE ")
        switch scope {
        case .city: query.append("TRUE")
        case .district(let district): query.append("g.district_code = \(district)")
        case .unit(let unit): query.append("g.township_code = \(unit)")
        case .community, .nothing: query.append("FALSE")
        }
        if let cursor { query.append(" AND (g.detected_at, g.id) < (\(cursor.detectedAt), \(cursor.id))") }
        query.append(" ORDER BY g.detected_at DESC, g.id DESC LIMIT \(limit)")
        return try await decode(try await connection.query(query.query, logger: logger))
    }

    /// The case `id`, locked for the rest of the transaction when `locking`; nil when there is none.
    public static func find(
        _ id: UUID, locking: Bool, on connection: PostgresConnection, logger: Logger
    ) async throws -> GroupCase? {
        var query = QueryBuilder("\(unescaped: columns) WHERE g.id = \(id)")
        if locking { query.append(" FOR UPDATE") }
        return try await decode(try await connection.query(query.query, logger: logger)).first
    }

    /// The tickets linked to case `id`, oldest first.
    public static func tickets(
        of id: UUID, on connection: PostgresConnection, logger: Logger
    ) async throws -> [GroupCaseTicket] {
        let rows = try await connection.query(
            """
            SELECT id, number, state, unit_code, township_code, received_at FROM tickets
            WHERE group_request_id = \(id) ORDER BY received_at, id
            """, logger: logger)
        var tickets: [GroupCaseTicket] = []
        for try await (ticket, number, state, unit, township, received) in rows.decode(
            (UUID, String, String, String?, String?, Date).self)
        {
            tickets.append(
                GroupCaseTicket(
                    id: ticket, number: number, state: try .stored(state, column: "tickets.state"), unitCode: unit,
                    townshipCode: township, receivedAt: received))
        }
        return tickets
    }

    /// Sets case `id`'s state from its linked tickets' (`GroupCaseState.settled(by:)`), resolved
    /// at `time` when it becomes resolved; returns the case.
    public static func settle(
        _ id: UUID, at time: Date, on connection: PostgresConnection, logger: Logger
    ) async throws -> GroupCase? {
        let state = GroupCaseState.settled(by: try await tickets(of: id, on: connection, logger: logger).map(\.state))
        try await connection.query(
            """
            UPDATE group_requests SET state = \(state.rawValue),
                resolved_at = CASE WHEN \(state.rawValue) = 'resolved' THEN COALESCE(resolved_at, \(time)) END
            WHERE id = \(id)
            """, logger: logger)
        return try await find(id, locking: false, on: connection, logger: logger)
    }

    private static func decode(_ rows: PostgresRowSequence) async throws -> [GroupCase] {
        var cases: [GroupCase] = []
        for try await row in rows {
            let (id, leaf, township, district, state, count, first, last, detected, resolved) = try row.decode(
                (UUID, String, String, String?, String, Int, Date, Date, Date, Date?).self)
            cases.append(
                GroupCase(
                    id: id, leafCode: leaf, townshipCode: township, districtCode: district,
                    state: try .stored(state, column: "group_requests.state"), ticketCount: count, firstAt: first,
                    lastAt: last, detectedAt: detected, resolvedAt: resolved))
        }
        return cases
    }
}
