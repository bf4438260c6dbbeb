public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// Townships' leadership-meeting agendas (`meeting_agenda_items`), inside the caller's
/// transaction: tickets put on them by the SLA timer, the meetings' decisions, and the lists.
public enum MeetingAgendaStore {
    /// Puts the ticket on the agenda of `unit` at `time`, unless it already waits there for a decision;
    /// returns whether it was added.
    @discardableResult
    public static func place(
        _ ticketId: UUID, unit: String, at time: Date, on connection: PostgresConnection, logger: Logger
    ) async throws -> Bool {
        let rows = try await connection.query(
            """
            INSERT INTO meeting_agenda_items (ticket_id, unit_code, district_code, placed_at, dispatched_at)
            SELECT t.id, \(unit), t.district_code, \(time), d.dispatched_at
            FROM tickets t LEFT JOIN ticket_deadlines d ON d.ticket_id = t.id
            WHERE t.id = \(ticketId)
            ON CONFLICT (ticket_id, unit_code) WHERE decided_at IS NULL DO NOTHING
            RETURNING id
            """, logger: logger)
        return try await rows.collect().count == 1
    }

    /// Records the meeting's decision on the ticket's open agenda item of the deciding unit.
    public static func decide(
        _ ticketId: UUID, _ decision: MeetingDecision, at time: Date, on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        try await connection.query(
            """
            UPDATE meeting_agenda_items SET decided_at = \(time), decided_by = \(decision.decidedBy),
                owner = \(decision.owner), measure = \(decision.measure), target_date = \(decision.targetDate)
            WHERE ticket_id = \(ticketId) AND unit_code = \(decision.unitCode) AND decided_at IS NULL
            """, logger: logger)
    }

    /// Up to `limit` items of `unit`'s agenda, open and decided, newest first, before item
    /// `cursor`; for a sub-center's `scope` only those of its district.
    public static func items(
        of unit: String, within scope: TicketScope, before cursor: Int64?, limit: Int,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> [MeetingAgendaItem] {
        var query = QueryBuilder(
            """
            SELECT m.id, m.unit_code, m.ticket_id, t.number, t.category_code, t.urgency, t.state, m.placed_at,
                   m.dispatched_at, m.decided_at, m.decided_by, m.owner, m.measure, m.target_date
            FROM meeting_agenda_items m JOIN tickets t ON t.id = m.ticket_id
            WHERE m.unit_code = \(unit) AND m.id < \(cursor ?? Int64.max)
            """)
        // A unit reads its own agenda whole (the caller checked it may read the unit's queue);
        // a sub-center only the items of its district.
        if case .district(let district) = scope { query.append(" AND m.district_code = \(district)") }
        query.append(" ORDER BY m.id DESC LIMIT \(limit)")
        let rows = try await connection.query(query.query, logger: logger)
        var items: [MeetingAgendaItem] = []
        for try await (
            id, unitCode, ticketId, number, category, urgency, state, placedAt, dispatchedAt, decidedAt, decidedBy,
            owner, measure, targetDate
        )
            in rows.decode(
                (
                    Int64, String, UUID, String, String?, String, String, Date, Date?, Date?, String?, String?,
                    String?, Date?
                ).self)
        {
            var decision: MeetingDecision?
            if let owner, let targetDate {
                decision = MeetingDecision(
                    unitCode: unitCode, owner: owner, measure: measure ?? "", targetDate: targetDate,
                    decidedBy: decidedBy ?? "")
            }
            items.append(
                MeetingAgendaItem(
                    id: id, unitCode: unitCode, ticketId: ticketId, ticketNumber: number, categoryCode: category,
                    urgency: try .stored(urgency, column: "urgency"), state: try .stored(state, column: "state"),
                    placedAt: placedAt, dispatchedAt: dispatchedAt, decision: decision, decidedAt: decidedAt))
        }
        return items
    }
}
