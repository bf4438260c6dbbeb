public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// The SLA timer's durable timers in PostgreSQL (`sla_timers`), inside the caller's transaction.
public enum SLATimerStore {
    /// A ticket's identity as its timers need it.
    public struct TicketRef: Sendable {
        public var id: UUID
        public var tier: UrgencyTier
        public var districtCode: String?

        public init(id: UUID, tier: UrgencyTier, districtCode: String?) {
            self.id = id
            self.tier = tier
            self.districtCode = districtCode
        }
    }

    /// Adds `timers` for `ticket`; a kind the ticket already has pending is not added twice.
    public static func add(
        _ timers: [PlannedTimer], for ticket: TicketRef, at time: Date, on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        try await add(timers.map { (ticket, $0, time) }, on: connection, logger: logger)
    }

    /// Adds each timer for its ticket, planned at its time, in one statement; a kind a ticket
    /// already has pending (or that appears twice here) is added once.
    public static func add(
        _ timers: [(ticket: TicketRef, timer: PlannedTimer, plannedAt: Date)], on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        guard !timers.isEmpty else { return }
        // Arrays bind no NULLs: a ticket without a district is bound as ''.
        try await connection.query(
            """
            INSERT INTO sla_timers (ticket_id, kind, due_at, unit_code, tier, district_code, created_at)
            SELECT ticket, kind, due, unit, tier, NULLIF(district, ''), planned
            FROM unnest(\(timers.map(\.ticket.id)), \(timers.map(\.timer.kind.code)), \(timers.map(\.timer.dueAt)),
                        \(timers.map(\.timer.unitCode)), \(timers.map(\.ticket.tier.rawValue)),
                        \(timers.map { $0.ticket.districtCode ?? "" }), \(timers.map(\.plannedAt)))
                AS rows(ticket, kind, due, unit, tier, district, planned)
            ON CONFLICT (ticket_id, kind) WHERE state = 'pending' DO NOTHING
            """, logger: logger)
    }

    /// Cancels every pending timer of each ticket, each at its time, in one statement.
    public static func cancelAll(
        of tickets: [(id: UUID, time: Date)], on connection: PostgresConnection, logger: Logger
    ) async throws {
        guard !tickets.isEmpty else { return }
        try await connection.query(
            """
            UPDATE sla_timers s SET state = 'cancelled', settled_at = c.time
            FROM unnest(\(tickets.map(\.id))::uuid[], \(tickets.map(\.time))::timestamptz[]) AS c(id, time)
            WHERE s.ticket_id = c.id AND s.state = 'pending'
            """, logger: logger)
    }

    /// Cancels the ticket's pending timers of `kinds` (all of them: `cancelAll`).
    public static func cancel(
        _ kinds: [SLATimerKind], of ticketId: UUID, at time: Date, on connection: PostgresConnection, logger: Logger
    ) async throws {
        try await connection.query(
            """
            UPDATE sla_timers SET state = 'cancelled', settled_at = \(time)
            WHERE ticket_id = \(ticketId) AND state = 'pending' AND kind = ANY(\(kinds.map(\.code)))
            """, logger: logger)
    }

    /// A due timer, claimed, with what is known of its ticket now.
    public struct Claimed: Sendable {
        public var id: Int
        public var ticket: TicketRef
        public var timer: PlannedTimer
        /// Nil when the ticket does not exist.
        public var facts: TicketFacts?
    }

    /// Claims up to `limit` pending timers due at `now`, oldest first, skipping those another
    /// instance holds, and locks their tickets in id order. Both stay locked until the caller's
    /// transaction ends: two instances' ticks, holding timers of the same tickets, would
    /// otherwise update those tickets in different orders and deadlock.
    public static func claimDue(
        now: Date, limit: Int, on connection: PostgresConnection, logger: Logger
    ) async throws -> [Claimed] {
        let claimedRows = try await connection.query(
            """
            SELECT id, ticket_id FROM sla_timers WHERE state = 'pending' AND due_at <= \(now)
            ORDER BY due_at LIMIT \(limit) FOR UPDATE SKIP LOCKED
            """, logger: logger)
        var timerIds: [Int] = []
        var ticketIds = Set<UUID>()
        for try await (id, ticketId) in claimedRows.decode((Int, UUID).self) {
            timerIds.append(id)
            ticketIds.insert(ticketId)
        }
        guard !timerIds.isEmpty else { return [] }
        try await connection.query(
            "SELECT 1 FROM tickets WHERE id = ANY(\(Array(ticketIds))) ORDER BY id FOR NO KEY UPDATE", logger: logger)
        let rows = try await connection.query(
            """
            SELECT s.id, s.ticket_id, s.kind, s.due_at, s.unit_code, s.tier, s.district_code,
                   t.state, t.unit_code, t.signed_at IS NOT NULL, t.assignee IS NOT NULL, t.district_code, w.reported_at IS NOT NULL,
                   ARRAY[COALESCE(t.signed_off_at IS NOT NULL, false), COALESCE(t.dispatched_down_at IS NOT NULL, false),
                         COALESCE(t.reported_back_at IS NOT NULL, false)],
                   t.community_code
            FROM sla_timers s
            LEFT JOIN tickets t ON t.id = s.ticket_id
            LEFT JOIN ticket_whistles w ON w.ticket_id = s.ticket_id AND s.kind = 'whistle:' || w.department_code
            WHERE s.id = ANY(\(timerIds))
            ORDER BY s.due_at
            """, logger: logger)
        var claimed: [Claimed] = []
        for try await (
            id, ticketId, kind, due, unit, tier, district, state, ticketUnit, signed, assigned, ticketDistrict,
            reported,
            townshipSteps, community
        )
            in rows.decode(
                (
                    Int, UUID, String, Date, String, String, String?, String?, String?, Bool?, Bool?, String?, Bool?,
                    [Bool], String?
                ).self)
        {
            let steps = townshipSteps
            guard let kind = SLATimerKind(code: kind) else { continue }
            let facts = try state.map { try TicketState.stored($0, column: "tickets.state") }.map {
                TicketFacts(
                    state: $0, unitCode: ticketUnit, signed: signed ?? false, assigned: assigned ?? false,
                    districtCode: ticketDistrict, reportedIn: reported ?? false,
                    signedOff: steps.first == true, dispatchedDown: steps.dropFirst().first == true,
                    reportedBack: steps.dropFirst(2).first == true, communityCode: community)
            }
            claimed.append(
                Claimed(
                    id: id,
                    ticket: TicketRef(
                        id: ticketId, tier: try UrgencyTier.stored(tier, column: "sla_timers.tier"),
                        districtCode: district),
                    timer: PlannedTimer(kind: kind, dueAt: due, unitCode: unit), facts: facts))
        }
        return claimed
    }

    /// Marks claimed timers fired or cancelled.
    public static func settle(
        fired: [Int], cancelled: [Int], at time: Date, on connection: PostgresConnection, logger: Logger
    ) async throws {
        try await connection.query(
            """
            UPDATE sla_timers SET state = CASE WHEN id = ANY(\(fired)) THEN 'fired' ELSE 'cancelled' END, settled_at = \(time)
            WHERE id = ANY(\(fired + cancelled))
            """, logger: logger)
    }

    /// Marks tickets overdue (the first time) and puts each under its supervision, in one
    /// statement. A ticket given twice takes its last supervision. Its row must already be
    /// locked by the caller (`claimDue` locks the tickets of the timers it claims).
    public static func supervise(
        _ supervisions: [(ticketId: UUID, supervision: Supervision)], at time: Date, on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        var last: [UUID: Supervision] = [:]
        for (ticketId, supervision) in supervisions { last[ticketId] = supervision }
        guard !last.isEmpty else { return }
        let tickets = Array(last)
        try await connection.query(
            """
            UPDATE tickets t SET overdue_at = COALESCE(t.overdue_at, \(time)), supervision_level = s.level,
                supervising_unit_code = s.unit, version = t.version + 1, updated_at = \(time)
            FROM unnest(\(tickets.map(\.key)), \(tickets.map(\.value.level.rawValue)), \(tickets.map(\.value.unitCode)))
                AS s(id, level, unit)
            WHERE t.id = s.id
            """, logger: logger)
    }

    /// How many timers are pending.
    public static func pendingCount(on connection: PostgresConnection, logger: Logger) async throws -> Int {
        for try await count in try await connection.query(
            "SELECT count(*) FROM sla_timers WHERE state = 'pending'", logger: logger
        ).decode(
            Int.self)
        {
            return count
        }
        return 0
    }
}
