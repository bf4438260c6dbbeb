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
        let rows = try await connection.execute(
            LinkRepeats(
                id: id, leafCode: leafCode, since: receivedAt.addingTimeInterval(-window), townshipCode: townshipCode,
                placeText: placeText, receivedAt: receivedAt), logger: logger)
        for try await row in rows { return try row.decode(UUID.self) }
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
        let joined = try await connection.execute(
            JoinOpenGroup(leafCode: leafCode, townshipCode: townshipCode, id: id, receivedAt: receivedAt),
            logger: logger)
        for try await row in joined {
            let (group, count, firstAt, district) = try row.decode((UUID, Int, Date, String?).self)
            return Group(id: group, ticketCount: count, firstAt: firstAt, districtCode: district, detected: false)
        }
        let rows = try await connection.execute(
            UngroupedTickets(leafCode: leafCode, townshipCode: townshipCode, since: since), logger: logger)
        var members: [UUID] = []
        var firstAt = receivedAt
        for try await row in rows {
            let (member, received) = try row.decode((UUID, Date).self)
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
