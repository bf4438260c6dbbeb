public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// The supervision list (督办) in PostgreSQL: open tickets under supervision (`tickets.
/// supervision_level`, set by `SLATimerStore.supervise`), with their late steps and the pending
/// escalation timer that hands them to the center.
public enum SupervisionStore {
    /// Which supervised tickets a list shows; all given conditions must hold.
    public struct Filter: Sendable, Equatable {
        public var level: SupervisionLevel?
        public var districtCode: String?
        /// The lead unit.
        public var unitCode: String?

        public init(level: SupervisionLevel? = nil, districtCode: String? = nil, unitCode: String? = nil) {
            self.level = level
            self.districtCode = districtCode
            self.unitCode = unitCode
        }
    }

    /// Up to `limit` open supervised tickets within `scope` matching `filter`, most overdue first
    /// (then by id), after `cursor` (whose time is the last ticket's `overdue_at`).
    public static func tickets(
        within scope: TicketScope, matching filter: Filter, after cursor: TicketCursor?, limit: Int,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> [SupervisedTicket] {
        // A late step is a deadline (or a summons' report-in) that fired since the current
        // dispatch and is still undone: signing for and assigning end theirs, a report-in its summons.
        var query = QueryBuilder(
            """
            SELECT t.id, t.number, t.category_code, t.urgency, t.state, t.unit_code, t.district_code,
                   t.supervision_level, t.supervising_unit_code, t.overdue_at,
                   ARRAY(SELECT step FROM (
                           SELECT CASE WHEN s.kind LIKE 'whistle:%' THEN 'whistle' ELSE split_part(s.kind, ':', 2) END AS step,
                                  min(s.due_at) AS due
                           FROM sla_timers s
                           LEFT JOIN ticket_whistles w ON w.ticket_id = s.ticket_id AND s.kind = 'whistle:' || w.department_code
                           WHERE s.ticket_id = t.id AND s.state = 'fired' AND (s.kind LIKE 'deadline:%' OR s.kind LIKE 'whistle:%')
                             AND s.due_at >= COALESCE(d.dispatched_at, '-infinity')
                             AND NOT (s.kind = 'deadline:sign_for' AND t.signed_at IS NOT NULL)
                             AND NOT (s.kind = 'deadline:assign' AND t.assignee IS NOT NULL)
                             AND w.reported_at IS NULL
                           GROUP BY 1) AS late ORDER BY due, step),
                   (SELECT min(e.due_at) FROM sla_timers e WHERE e.ticket_id = t.id AND e.kind = 'escalation' AND e.state = 'pending')
            FROM tickets t LEFT JOIN ticket_deadlines d ON d.ticket_id = t.id
            WHERE t.supervision_level IS NOT NULL AND t.overdue_at IS NOT NULL
              AND t.state = ANY(\(WorkQueue.openStates.map(\.rawValue)))
            """)
        query.append(" AND ")
        query.append(scope.condition(on: "t"))
        if let level = filter.level { query.append(" AND t.supervision_level = \(level.rawValue)") }
        if let district = filter.districtCode { query.append(" AND t.district_code = \(district)") }
        if let unit = filter.unitCode { query.append(" AND t.unit_code = \(unit)") }
        if let cursor { query.append(" AND (t.overdue_at, t.id) > (\(cursor.receivedAt), \(cursor.id))") }
        query.append(" ORDER BY t.overdue_at, t.id LIMIT \(limit)")
        let rows = try await connection.query(query.query, logger: logger)
        var tickets: [SupervisedTicket] = []
        for try await (
            id, number, category, urgency, state, unit, district, level, supervising, overdueAt, late, escalation
        )
            in rows.decode(
                (UUID, String, String?, String, String, String?, String?, String, String?, Date, [String], Date?).self)
        {
            tickets.append(
                SupervisedTicket(
                    id: id, number: number, categoryCode: category, urgency: try .stored(urgency, column: "urgency"),
                    state: try .stored(state, column: "state"), unitCode: unit, districtCode: district,
                    level: try .stored(level, column: "supervision_level"), supervisingUnitCode: supervising,
                    overdueAt: overdueAt,
                    lateSteps: try late.map { try SLAStep.stored($0, column: "sla_timers.kind") },
                    centerEscalationAt: escalation))
        }
        return tickets
    }
}
