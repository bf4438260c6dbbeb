public import Foundation
public import Logging
public import PostgresNIO

/// Links a classified ticket to the ones it belongs with: the earlier ticket it repeats, and
/// the group request (群体诉求) its leaf and township have reached.
public enum TicketLinks {
    /// Links ticket `id` with the requests it repeats: same caller phone (read from the ticket
    /// rows: events carry no phone) and leaf, same township (or the same place text when the
    /// township is unknown), received from `window` before it on; a ticket without a phone
    /// repeats nothing. Returns the first ticket of the chain when an earlier one exists; when this ticket
    /// is the earliest, later ones already classified are linked to it instead, so the links do
    /// not depend on the order tickets are classified in.
    public static func linkRepeats(
        of id: UUID, leafCode: String?, townshipCode: String?, placeText: String,
        receivedAt: Date,
        window: TimeInterval, on connection: PostgresConnection, logger: Logger
    ) async throws -> UUID? {
        guard let leafCode else { return nil }
        // One statement: the earliest earlier request of the chain if there is one; otherwise
        // the later ones already classified are linked to this ticket.
        let rows = try await connection.query(
            """
            WITH same AS (
                SELECT id, repeat_of, received_at FROM tickets
                WHERE caller_phone = (SELECT caller_phone FROM tickets WHERE id = \(id)) AND category_code = \(leafCode) AND id <> \(id)
                  AND received_at >= \(receivedAt.addingTimeInterval(-window))
                  AND (township_code = \(townshipCode) OR (\(townshipCode)::text IS NULL AND place_text = \(placeText)))),
            earlier AS (
                SELECT COALESCE(repeat_of, id) AS original FROM same
                WHERE received_at < \(receivedAt) ORDER BY received_at LIMIT 1),
            relinked AS (
                UPDATE tickets SET repeat_of = \(id)
                WHERE id IN (SELECT id FROM same WHERE received_at >= \(receivedAt)) AND NOT EXISTS (SELECT 1 FROM earlier))
            SELECT original FROM earlier
            """, logger: logger)
        for try await original in rows.decode(UUID.self) { return original }
        return nil
    }

    /// A group case a ticket belongs to, and whether this ticket made it one.
    public struct Group: Sendable, Equatable {
        public var id: UUID
        public var ticketCount: Int
        public var firstAt: Date
        /// The township's district, whose sub-center is told of the case.
        public var districtCode: String?
        /// True for the ticket that reached the threshold: the group was detected just now.
        public var detected: Bool
    }

    /// Links ticket `id` (already classified) to the group case (群体诉求) of `leafCode` in
    /// `townshipCode`: while a case is open, every later ticket on them joins it, however late;
    /// otherwise the tickets received from `window` before `receivedAt` on (later ones
    /// classified first count too, so the outcome does not depend on classification order) form
    /// a new case from `threshold` on, every one of them linked. The case's district is the
    /// township's in `org_units`, else `districtCode`. Serialized per leaf and township by an
    /// advisory lock.
    public static func groupRequest(
        for id: UUID, leafCode: String, townshipCode: String, districtCode: String?, receivedAt: Date, threshold: Int,
        window: TimeInterval, on connection: PostgresConnection, logger: Logger
    ) async throws -> Group? {
        let since = receivedAt.addingTimeInterval(-window)
        try await connection.query(
            "SELECT pg_advisory_xact_lock(hashtext(\(leafCode + "@" + townshipCode)))", logger: logger)
        let joined = try await connection.query(
            """
            WITH open_case AS (
                SELECT id FROM group_requests
                WHERE leaf_code = \(leafCode) AND township_code = \(townshipCode) AND state = 'open'
                ORDER BY detected_at DESC LIMIT 1),
            linked AS (
                UPDATE tickets SET group_request_id = (SELECT id FROM open_case)
                WHERE id = \(id) AND group_request_id IS DISTINCT FROM (SELECT id FROM open_case)
                  AND EXISTS (SELECT 1 FROM open_case)
                RETURNING id)
            UPDATE group_requests g SET ticket_count = ticket_count + (SELECT count(*) FROM linked),
                last_at = GREATEST(last_at, \(receivedAt))
            WHERE g.id = (SELECT id FROM open_case)
            RETURNING g.id, g.ticket_count, g.first_at, g.district_code
            """, logger: logger)
        for try await (group, count, firstAt, district) in joined.decode((UUID, Int, Date, String?).self) {
            return Group(id: group, ticketCount: count, firstAt: firstAt, districtCode: district, detected: false)
        }
        let rows = try await connection.query(
            """
            SELECT id, received_at FROM tickets
            WHERE category_code = \(leafCode) AND township_code = \(townshipCode)
              AND received_at >= \(since) AND group_request_id IS NULL
            """, logger: logger)
        var members: [UUID] = []
        var firstAt = receivedAt
        for try await (member, received) in rows.decode((UUID, Date).self) {
            members.append(member)
            firstAt = min(firstAt, received)
        }
        guard members.count >= threshold else { return nil }
        let group = UUID()
        let created = try await connection.query(
            """
            INSERT INTO group_requests (id, leaf_code, township_code, district_code, first_at, last_at, ticket_count, detected_at)
            SELECT \(group), \(leafCode), \(townshipCode),
                   COALESCE((SELECT district_code FROM org_units WHERE code = \(townshipCode)), \(districtCode)),
                   \(firstAt), \(receivedAt), \(members.count), \(receivedAt)
            RETURNING district_code
            """, logger: logger)
        var district: String?
        for try await code in created.decode(String?.self) { district = code }
        try await connection.query(
            "UPDATE tickets SET group_request_id = \(group) WHERE id = ANY(\(members))", logger: logger)
        return Group(id: group, ticketCount: members.count, firstAt: firstAt, districtCode: district, detected: true)
    }
}

extension PostgresBindings {
    /// These bindings with `value` bound after them.
    func appending<Value: PostgresNonThrowingEncodable>(_ value: Value) -> PostgresBindings {
        var bindings = self
        bindings.append(value)
        return bindings
    }
}
