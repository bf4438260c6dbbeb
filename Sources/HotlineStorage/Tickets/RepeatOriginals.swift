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
        let rows = try await connection.execute(Original(id: id), logger: logger)
        for try await row in rows {
            let (unit, disowned) = try row.decode((String?, Bool?).self)
            return RepeatOriginal(ticketId: id, unitCode: unit, disowned: disowned ?? false)
        }
        return nil
    }

    /// Ticket `$1`'s lead unit and whether that unit disowned it (run for every dispatch: prepared).
    struct Original: HotStatement {
        static let sql = """
            SELECT t.unit_code,
                   t.state = $2 OR t.exclusion_state = 'approved'
                   OR EXISTS (
                       SELECT 1 FROM ticket_history h
                       WHERE h.ticket_id = t.id AND h.event_type = $3
                         AND h.body -> 'payload' ->> 'action' = $4
                         AND (h.body -> 'payload' ->> 'approved')::boolean
                         AND h.body -> 'payload' ->> 'sent_back_from' = t.unit_code)
            FROM tickets t WHERE t.id = $1
            """
        static let bindingDataTypes: [PostgresDataType] = [.uuid, .text, .text, .text]

        var id: UUID

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 4)
            bindings.append(id)
            bindings.append(TicketState.sentBack.rawValue)
            bindings.append(EventType.ticketHandled.rawValue)
            bindings.append(HandlingAction.decideSendBack.rawValue)
            return bindings
        }
    }
}
