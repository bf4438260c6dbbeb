public import Foundation
import HotlineDomain
public import Logging
public import PostgresNIO

/// Links a classified ticket to the ones it belongs with: the earlier ticket it repeats, and
/// the group request (群体诉求) its leaf and township have reached.
public enum TicketLinks {
    /// A ticket the classifier has just classified, as its links need it.
    public struct Classified: Sendable {
        public var id: UUID
        public var leafCode: String
        public var townshipCode: String?
        /// The district the classifier placed it in, for a group case whose township is not in `org_units`.
        public var districtCode: String?
        public var placeText: String
        public var receivedAt: Date

        public init(
            id: UUID, leafCode: String, townshipCode: String?, districtCode: String?, placeText: String,
            receivedAt: Date
        ) {
            self.id = id
            self.leafCode = leafCode
            self.townshipCode = townshipCode
            self.districtCode = districtCode
            self.placeText = placeText
            self.receivedAt = receivedAt
        }
    }

    /// Links each of `tickets` (classified in this transaction, each given once) with the
    /// requests it repeats: same caller phone (read from the ticket rows: events carry no
    /// phone) and leaf, same township (or the same place text when the township is unknown),
    /// received from `window` before it on; a ticket without a phone repeats nothing. Returns,
    /// for each ticket with an earlier request, the first ticket of its chain, also written as
    /// its `repeat_of`. When a ticket is the earliest, later ones already classified are linked
    /// to it instead, so the links do not depend on the order tickets are classified in.
    ///
    /// One statement finds the tickets that have any such request; each of those then takes one
    /// more, in the order given.
    public static func linkRepeats(
        _ tickets: [Classified], window: TimeInterval, on connection: PostgresConnection, logger: Logger
    ) async throws -> [UUID: UUID] {
        guard !tickets.isEmpty else { return [:] }
        let sinces = tickets.map { $0.receivedAt.addingTimeInterval(-window) }
        let rows = try await connection.query(
            """
            SELECT b.id FROM unnest(\(tickets.map(\.id)), \(tickets.map(\.leafCode)), \(sinces),
                \(tickets.map { $0.townshipCode ?? "" }), \(tickets.map(\.placeText))) AS b(id, leaf, since, township, place)
            WHERE EXISTS (
                SELECT 1 FROM tickets me JOIN tickets t ON t.caller_phone = me.caller_phone
                WHERE me.id = b.id AND t.category_code = b.leaf AND t.id <> b.id AND t.received_at >= b.since
                  AND (t.township_code = NULLIF(b.township, '') OR (b.township = '' AND t.place_text = b.place)))
            """, logger: logger)
        var related: Set<UUID> = []
        for try await id in rows.decode(UUID.self) { related.insert(id) }
        var originals: [UUID: UUID] = [:]
        for (ticket, since) in zip(tickets, sinces) where related.contains(ticket.id) {
            let linked = try await connection.execute(
                LinkRepeats(
                    id: ticket.id, leafCode: ticket.leafCode, since: since, townshipCode: ticket.townshipCode,
                    placeText: ticket.placeText, receivedAt: ticket.receivedAt), logger: logger)
            for try await row in linked { originals[ticket.id] = try row.decode(UUID.self) }
        }
        return originals
    }

    /// A group case a ticket belongs to, and whether this ticket made it one.
    public struct Group: Sendable, Equatable {
        public var id: UUID
        /// The case's tickets once this one was linked (for a case open before the batch: once
        /// the whole batch was).
        public var ticketCount: Int
        public var firstAt: Date
        /// The township's district, whose sub-center is told of the case.
        public var districtCode: String?
        /// True for the ticket that reached the threshold: the group was detected just now.
        public var detected: Bool
    }

    /// Links each of `tickets` (classified in this transaction, each given once) that has a
    /// township to the group case (群体诉求) of its leaf and township, and returns the case of
    /// each ticket linked. While a case is open, every later ticket on them joins it, however
    /// late; otherwise the tickets received from `window` before one on form a new case from
    /// `threshold` on, every one of them linked (`GroupCaseFormation`). A new case's district is
    /// the township's in `org_units`, else the ticket's.
    ///
    /// Serialized per leaf and township by advisory locks, all taken first in the order of
    /// their keys, so two classifiers cannot deadlock on them. A few statements for the whole
    /// batch, and one more per case formed.
    public static func groupRequests(
        for tickets: [Classified], threshold: Int, window: TimeInterval, on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [UUID: Group] {
        let batches = Dictionary(grouping: tickets.filter { $0.townshipCode != nil }) {
            CaseKey(leafCode: $0.leafCode, townshipCode: $0.townshipCode ?? "")
        }
        guard !batches.isEmpty else { return [:] }
        let keys = batches.keys.sorted()
        try await connection.query(
            """
            SELECT pg_advisory_xact_lock(h)
            FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest(\(keys.map(\.lockName))::text[]) AS k ORDER BY h) AS sorted
            """, logger: logger)
        let open = try await openCases(of: keys, on: connection, logger: logger)
        let closed = keys.filter { open[$0] == nil }
        let ungrouped = try await ungroupedTickets(
            of: closed.map { key in
                (key, batches[key, default: []].map(\.receivedAt).min()!.addingTimeInterval(-window))
            }, on: connection, logger: logger)

        var groups: [UUID: Group] = [:]
        var links: [(ticket: UUID, group: UUID)] = []
        var joinedOpen: [UUID: (key: CaseKey, lastAt: Date)] = [:]
        for key in keys {
            let batch = batches[key, default: []]
            if let existing = open[key] {
                for ticket in batch { links.append((ticket.id, existing.id)) }
                joinedOpen[existing.id] = (key, batch.map(\.receivedAt).max()!)
                continue
            }
            guard
                let formation = GroupCaseFormation.decide(
                    batch: batch.map { GroupCaseFormation.Ticket(id: $0.id, receivedAt: $0.receivedAt) },
                    ungrouped: ungrouped[key, default: []], threshold: threshold, window: window)
            else { continue }
            let formedBy = batch.first { $0.id == formation.formedBy.id }!
            let formed = try await insertCase(
                formation, key: key, districtCode: formedBy.districtCode, on: connection, logger: logger)
            links += (formation.members + formation.joiners).map { ($0, formed.id) }
            groups[formedBy.id] = formed
            for (index, joiner) in formation.joiners.enumerated() {
                groups[joiner] = Group(
                    id: formed.id, ticketCount: formation.members.count + index + 1, firstAt: formed.firstAt,
                    districtCode: formed.districtCode, detected: false)
            }
        }
        let linked = try await link(links, on: connection, logger: logger)
        for group in try await count(joinedOpen, linked: linked, on: connection, logger: logger) {
            for ticket in batches[joinedOpen[group.id]!.key, default: []] { groups[ticket.id] = group }
        }
        return groups
    }

    /// A leaf and township, the scope of a group case.
    struct CaseKey: Hashable, Comparable {
        var leafCode: String
        var townshipCode: String

        /// The name of its advisory lock.
        var lockName: String { leafCode + "@" + townshipCode }

        static func < (lhs: CaseKey, rhs: CaseKey) -> Bool { lhs.lockName < rhs.lockName }
    }

    /// The newest open case of each of `keys` that has one.
    private static func openCases(
        of keys: [CaseKey], on connection: PostgresConnection, logger: Logger
    ) async throws -> [CaseKey: Group] {
        let rows = try await connection.query(
            """
            SELECT DISTINCT ON (g.leaf_code, g.township_code) g.leaf_code, g.township_code, g.id, g.ticket_count,
                g.first_at, g.district_code
            FROM group_requests g
            JOIN unnest(\(keys.map(\.leafCode))::text[], \(keys.map(\.townshipCode))::text[]) AS k(leaf, township)
              ON g.leaf_code = k.leaf AND g.township_code = k.township
            WHERE g.state = 'open'
            ORDER BY g.leaf_code, g.township_code, g.detected_at DESC
            """, logger: logger)
        var cases: [CaseKey: Group] = [:]
        for try await (leaf, township, id, count, firstAt, district) in rows.decode(
            (String, String, UUID, Int, Date, String?).self)
        {
            cases[CaseKey(leafCode: leaf, townshipCode: township)] = Group(
                id: id, ticketCount: count, firstAt: firstAt, districtCode: district, detected: false)
        }
        return cases
    }

    /// The tickets of each key received from its time on that belong to no case.
    private static func ungroupedTickets(
        of keys: [(key: CaseKey, since: Date)], on connection: PostgresConnection, logger: Logger
    ) async throws -> [CaseKey: [GroupCaseFormation.Ticket]] {
        guard !keys.isEmpty else { return [:] }
        let rows = try await connection.query(
            """
            SELECT k.leaf, k.township, t.id, t.received_at
            FROM unnest(\(keys.map(\.key.leafCode))::text[], \(keys.map(\.key.townshipCode))::text[],
                        \(keys.map(\.since))::timestamptz[]) AS k(leaf, township, since)
            JOIN tickets t ON t.category_code = k.leaf AND t.township_code = k.township AND t.received_at >= k.since
            WHERE t.group_request_id IS NULL
            """, logger: logger)
        var tickets: [CaseKey: [GroupCaseFormation.Ticket]] = [:]
        for try await (leaf, township, id, receivedAt) in rows.decode((String, String, UUID, Date).self) {
            tickets[CaseKey(leafCode: leaf, townshipCode: township), default: []].append(
                GroupCaseFormation.Ticket(id: id, receivedAt: receivedAt))
        }
        return tickets
    }

    /// Stores the case `formation` forms, counting its joiners, and returns it as its former sees it.
    private static func insertCase(
        _ formation: GroupCaseFormation, key: CaseKey, districtCode: String?, on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Group {
        let id = UUID()
        let formedAt = formation.formedBy.receivedAt
        let rows = try await connection.query(
            """
            INSERT INTO group_requests (id, leaf_code, township_code, district_code, first_at, last_at, ticket_count, detected_at)
            SELECT \(id), \(key.leafCode), \(key.townshipCode),
                   COALESCE((SELECT district_code FROM org_units WHERE code = \(key.townshipCode)), \(districtCode)),
                   \(formation.firstAt), \(formation.lastAt), \(formation.members.count + formation.joiners.count), \(formedAt)
            RETURNING district_code
            """, logger: logger)
        var district: String?
        for try await code in rows.decode(String?.self) { district = code }
        return Group(
            id: id, ticketCount: formation.members.count, firstAt: formation.firstAt, districtCode: district,
            detected: true)
    }

    /// Sets each ticket's case, unless it already is; returns how many tickets each case gained.
    private static func link(
        _ links: [(ticket: UUID, group: UUID)], on connection: PostgresConnection, logger: Logger
    ) async throws -> [UUID: Int] {
        guard !links.isEmpty else { return [:] }
        let rows = try await connection.query(
            """
            UPDATE tickets t SET group_request_id = l.g
            FROM unnest(\(links.map(\.ticket))::uuid[], \(links.map(\.group))::uuid[]) AS l(id, g)
            WHERE t.id = l.id AND t.group_request_id IS DISTINCT FROM l.g
            RETURNING l.g
            """, logger: logger)
        var gained: [UUID: Int] = [:]
        for try await group in rows.decode(UUID.self) { gained[group, default: 0] += 1 }
        return gained
    }

    /// Counts the tickets the open cases `joined` gained and moves their last times; returns the cases.
    private static func count(
        _ joined: [UUID: (key: CaseKey, lastAt: Date)], linked: [UUID: Int], on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [Group] {
        guard !joined.isEmpty else { return [] }
        let cases = Array(joined)
        let rows = try await connection.query(
            """
            UPDATE group_requests g SET ticket_count = g.ticket_count + d.gained, last_at = GREATEST(g.last_at, d.last_at)
            FROM unnest(\(cases.map(\.key))::uuid[], \(cases.map { linked[$0.key, default: 0] })::int8[],
                        \(cases.map(\.value.lastAt))::timestamptz[]) AS d(id, gained, last_at)
            WHERE g.id = d.id
            RETURNING g.id, g.ticket_count, g.first_at, g.district_code
            """, logger: logger)
        var groups: [Group] = []
        for try await (id, count, firstAt, district) in rows.decode((UUID, Int, Date, String?).self) {
            groups.append(Group(id: id, ticketCount: count, firstAt: firstAt, districtCode: district, detected: false))
        }
        return groups
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
