public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// A ticket's time limits as the SLA timer last planned them (`ticket_deadlines`), and the
/// ticket facts the timer plans from; inside the caller's transaction.
public enum TicketDeadlineStore {
    /// What the SLA timer needs to know of a ticket to plan its timers.
    public struct TimedTicket: Sendable, Equatable {
        public var id: UUID
        public var tier: UrgencyTier
        public var districtCode: String?
        public var unitCode: String?

        /// The ticket's identity as its timers need it.
        public var reference: SLATimerStore.TicketRef {
            SLATimerStore.TicketRef(id: id, tier: tier, districtCode: districtCode)
        }
    }

    /// The ticket `id` as the SLA timer plans it, or nil when no such ticket exists. An urgency
    /// this build does not know is an error, not a default.
    public static func timedTicket(
        _ id: UUID, on connection: PostgresConnection, logger: Logger
    ) async throws -> TimedTicket? {
        try await timedTickets([id], on: connection, logger: logger)[id]
    }

    /// Each of the tickets `ids` that exists, as the SLA timer plans it, in one query.
    public static func timedTickets(
        _ ids: [UUID], on connection: PostgresConnection, logger: Logger
    ) async throws -> [UUID: TimedTicket] {
        let rows = try await connection.query(
            "SELECT id, urgency, district_code, unit_code FROM tickets WHERE id = ANY(\(ids)::uuid[])", logger: logger)
        var tickets: [UUID: TimedTicket] = [:]
        for try await (id, urgency, district, unit) in rows.decode((UUID, String, String?, String?).self) {
            tickets[id] = TimedTicket(
                id: id, tier: try UrgencyTier.stored(urgency, column: "tickets.urgency"),
                districtCode: district, unitCode: unit)
        }
        return tickets
    }

    /// The time limits a dispatch (first, re-dispatch or reopening) set on a ticket.
    public struct Dispatch: Sendable {
        public var ticketId: UUID
        public var unitCode: String
        public var tier: UrgencyTier
        public var dispatchedAt: Date
        public var deadlines: SLAPlanner.Deadlines

        public init(
            ticketId: UUID, unitCode: String, tier: UrgencyTier, dispatchedAt: Date, deadlines: SLAPlanner.Deadlines
        ) {
            self.ticketId = ticketId
            self.unitCode = unitCode
            self.tier = tier
            self.dispatchedAt = dispatchedAt
            self.deadlines = deadlines
        }
    }

    /// Records the time limits each dispatch set, replacing its ticket's earlier ones, in one
    /// statement. Give each ticket once.
    public static func replace(
        _ dispatches: [Dispatch], on connection: PostgresConnection, logger: Logger
    ) async throws {
        guard !dispatches.isEmpty else { return }
        let deadlines = dispatches.map(\.deadlines)
        // Arrays bind no NULLs: an absent finish time is bound as a flag.
        try await connection.query(
            """
            INSERT INTO ticket_deadlines (ticket_id, unit_code, urgency, dispatched_at, sign_for_by, assign_by, finish_by)
            SELECT ticket, unit, urgency, dispatched, sign_for_by, assign_by, CASE WHEN has_finish_by THEN finish_by END
            FROM unnest(\(dispatches.map(\.ticketId))::uuid[], \(dispatches.map(\.unitCode))::text[],
                        \(dispatches.map(\.tier.rawValue))::text[], \(dispatches.map(\.dispatchedAt))::timestamptz[],
                        \(deadlines.map(\.signForBy))::timestamptz[], \(deadlines.map(\.assignBy))::timestamptz[],
                        \(deadlines.map { $0.finishBy != nil })::bool[], \(deadlines.map { $0.finishBy ?? $0.assignBy })::timestamptz[])
                AS d(ticket, unit, urgency, dispatched, sign_for_by, assign_by, has_finish_by, finish_by)
            ON CONFLICT (ticket_id) DO UPDATE SET unit_code = EXCLUDED.unit_code, urgency = EXCLUDED.urgency,
                dispatched_at = EXCLUDED.dispatched_at, sign_for_by = EXCLUDED.sign_for_by,
                assign_by = EXCLUDED.assign_by, finish_by = EXCLUDED.finish_by
            """, logger: logger)
    }

    /// Moves the ticket's finish time limit (a hand-up's deadline replaces it).
    public static func moveFinish(
        of ticket: UUID, to deadline: Date, on connection: PostgresConnection, logger: Logger
    ) async throws {
        try await connection.query(
            "UPDATE ticket_deadlines SET finish_by = \(deadline) WHERE ticket_id = \(ticket)", logger: logger)
    }
}
