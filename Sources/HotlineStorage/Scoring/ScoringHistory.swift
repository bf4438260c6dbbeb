public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// What the scoring rules replay, read from the ticket tables rather than from the aggregator's
/// own log: the source of truth its facts are checked against.
public enum ScoringHistory {
    /// One ticket's district and the bodies of its scoring events, in the order they happened.
    public struct TicketEvents: Sendable {
        public var ticketId: UUID
        public var districtCode: String?
        public var bodies: [[UInt8]]
    }

    /// The district each of `tickets` was placed in, for those that exist and have one.
    public static func districts(
        of tickets: [UUID], on connection: PostgresConnection, logger: Logger
    ) async throws -> [UUID: String] {
        let rows = try await connection.query(
            "SELECT id, district_code FROM tickets WHERE id = ANY(\(tickets)::uuid[]) AND district_code IS NOT NULL",
            logger: logger)
        var districts: [UUID: String] = [:]
        for try await (id, district) in rows.decode((UUID, String).self) { districts[id] = district }
        return districts
    }

    /// Every ticket first dispatched or re-dispatched from `start` (inclusive) to `end`
    /// (exclusive), with all of its events of `types` (any time), ordered by ticket and time.
    public static func tickets(
        dispatchedFrom start: Date, to end: Date, types: [EventType], on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [TicketEvents] {
        let rows = try await connection.query(
            """
            SELECT h.ticket_id, t.district_code, h.body::text
            FROM ticket_history h JOIN tickets t ON t.id = h.ticket_id
            WHERE h.event_type = ANY(\(types.map(\.rawValue))) AND h.ticket_id IN (
                SELECT ticket_id FROM ticket_history
                WHERE event_type = \(EventType.ticketDispatched.rawValue) AND occurred_at >= \(start) AND occurred_at < \(end))
            ORDER BY h.ticket_id, h.occurred_at, h.position
            """, logger: logger)
        var tickets: [TicketEvents] = []
        for try await (ticketId, district, body) in rows.decode((UUID, String?, String).self) {
            if tickets.last?.ticketId != ticketId {
                tickets.append(TicketEvents(ticketId: ticketId, districtCode: district, bodies: []))
            }
            tickets[tickets.count - 1].bodies.append(Array(body.utf8))
        }
        return tickets
    }
}
