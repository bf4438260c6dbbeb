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
        let rows = try await connection.query(
            "SELECT urgency, district_code, unit_code FROM tickets WHERE id = \(id)", logger: logger)
        for try await (urgency, district, unit) in rows.decode((String, String?, String?).self) {
            return TimedTicket(
                id: id, tier: try UrgencyTier.stored(urgency, column: "tickets.urgency"),
                districtCode: district, unitCode: unit)
        }
        return nil
    }

    /// Records the time limits a dispatch (first, re-dispatch or reopening) set, replacing the
    /// ticket's earlier ones.
    public static func replace(
        for ticket: UUID, unitCode: String, tier: UrgencyTier, dispatchedAt: Date, deadlines: SLAPlanner.Deadlines,
        on connection: PostgresConnection, logger: Logger
    ) async throws {
        try await connection.query(
            """
            INSERT INTO ticket_deadlines (ticket_id, unit_code, urgency, dispatched_at, sign_for_by, assign_by, finish_by)
            VALUES (\(ticket), \(unitCode), \(tier.rawValue), \(dispatchedAt), \(deadlines.signForBy),
                    \(deadlines.assignBy), \(deadlines.finishBy))
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
