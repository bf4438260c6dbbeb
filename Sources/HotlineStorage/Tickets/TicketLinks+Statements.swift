import Foundation
import PostgresNIO

extension TicketLinks {
    /// The earliest earlier request of ticket `$1`'s repeat chain (same caller phone and leaf
    /// `$2`, received from `$3` on, in township `$4` or, without one, at place `$5`), which
    /// becomes this ticket's `repeat_of`; when there is none, the later ones (received from `$6`
    /// on) are linked to this ticket.
    struct LinkRepeats: HotStatement {
        static let sql = """
            WITH same AS (
                SELECT id, repeat_of, received_at FROM tickets
                WHERE caller_phone = (SELECT caller_phone FROM tickets WHERE id = $1) AND category_code = $2 AND id <> $1
                  AND received_at >= $3
                  AND (township_code = $4 OR ($4 IS NULL AND place_text = $5))),
            earlier AS (
                SELECT COALESCE(repeat_of, id) AS original FROM same
                WHERE received_at < $6 ORDER BY received_at LIMIT 1),
            relinked AS (
                UPDATE tickets SET repeat_of = $1
                WHERE id IN (SELECT id FROM same WHERE received_at >= $6) AND NOT EXISTS (SELECT 1 FROM earlier)),
            linked AS (
                UPDATE tickets SET repeat_of = (SELECT original FROM earlier)
                WHERE id = $1 AND EXISTS (SELECT 1 FROM earlier))
            SELECT original FROM earlier
            """
        static let bindingDataTypes: [PostgresDataType] = [.uuid, .text, .timestamptz, .text, .text, .timestamptz]

        var id: UUID
        var leafCode: String
        var since: Date
        var townshipCode: String?
        var placeText: String
        var receivedAt: Date

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 6)
            bindings.append(id)
            bindings.append(leafCode)
            bindings.append(since)
            bindings.append(townshipCode)
            bindings.append(placeText)
            bindings.append(receivedAt)
            return bindings
        }
    }
}
