public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// Reads what the dispatcher needs of the original of a repeat request.
public enum RepeatOriginals {
    /// Ticket `id`'s lead unit, and whether that unit disowned it: a send-back of that unit's
    /// agreed in the ticket's history, the ticket waiting for re-dispatch after a send-back, or
    /// an approved exclusion. Nil when there is no such ticket.
    public static func original(
        _ id: UUID, on connection: PostgresConnection, logger: Logger
    ) async throws -> RepeatOriginal? {
        let rows = try await connection.query(
            """
            SELECT t.unit_code,
                   t.state = \(TicketState.sentBack.rawValue) OR t.exclusion_state = 'approved'
                   OR EXISTS (
                       SELECT 1 FROM ticket_history h
                       WHERE h.ticket_id = t.id AND h.event_type = \(EventType.ticketHandled.rawValue)
                         AND h.body -> 'payload' ->> 'action' = \(HandlingAction.decideSendBack.rawValue)
                         AND (h.body -> 'payload' ->> 'approved')::boolean
                         AND h.body -> 'payload' ->> 'sent_back_from' = t.unit_code)
            FROM tickets t WHERE t.id = \(id)
            """, logger: logger)
        for try await (unit, disowned) in rows.decode((String?, Bool?).self) {
            return RepeatOriginal(ticketId: id, unitCode: unit, disowned: disowned ?? false)
        }
        return nil
    }
}
