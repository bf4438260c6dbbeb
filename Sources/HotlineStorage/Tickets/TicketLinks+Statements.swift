import Foundation
import PostgresNIO

extension TicketLinks {
    /// The earliest earlier request of ticket `$1`'s repeat chain (same caller phone and leaf
    /// `$2`, received from `$3` on, in township `$4` or, without one, at place `$5`); when
    /// there is none, the later ones (received from `$6` on) are linked to this ticket.
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
                WHERE id IN (SELECT id FROM same WHERE received_at >= $6) AND NOT EXISTS (SELECT 1 FROM earlier))
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

    /// Links ticket `$3` to the open group case of leaf `$1` in township `$2`, if there is one,
    /// and counts it there; returns the case.
    struct JoinOpenGroup: HotStatement {
        static let sql = """
            WITH open_case AS (
                SELECT id FROM group_requests
                WHERE leaf_code = $1 AND township_code = $2 AND state = 'open'
                ORDER BY detected_at DESC LIMIT 1),
            linked AS (
                UPDATE tickets SET group_request_id = (SELECT id FROM open_case)
                WHERE id = $3 AND group_request_id IS DISTINCT FROM (SELECT id FROM open_case)
                  AND EXISTS (SELECT 1 FROM open_case)
                RETURNING id)
            UPDATE group_requests g SET ticket_count = ticket_count + (SELECT count(*) FROM linked),
                last_at = GREATEST(last_at, $4)
            WHERE g.id = (SELECT id FROM open_case)
            RETURNING g.id, g.ticket_count, g.first_at, g.district_code
            """
        static let bindingDataTypes: [PostgresDataType] = [.text, .text, .uuid, .timestamptz]

        var leafCode: String
        var townshipCode: String
        var id: UUID
        var receivedAt: Date

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 4)
            bindings.append(leafCode)
            bindings.append(townshipCode)
            bindings.append(id)
            bindings.append(receivedAt)
            return bindings
        }
    }

    /// The tickets of leaf `$1` in township `$2` received from `$3` on that belong to no group case.
    struct UngroupedTickets: HotStatement {
        static let sql = """
            SELECT id, received_at FROM tickets
            WHERE category_code = $1 AND township_code = $2 AND received_at >= $3 AND group_request_id IS NULL
            """
        static let bindingDataTypes: [PostgresDataType] = [.text, .text, .timestamptz]

        var leafCode: String
        var townshipCode: String
        var since: Date

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 3)
            bindings.append(leafCode)
            bindings.append(townshipCode)
            bindings.append(since)
            return bindings
        }
    }
}
