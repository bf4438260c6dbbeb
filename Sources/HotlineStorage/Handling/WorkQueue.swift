public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// A unit's open tickets (as lead unit, co-unit, a department summoned and not yet reported
/// in, the unit a ticket was handed up to until it answers, or a community the ticket went down
/// to) with their deadlines, most urgent first and, within a tier, the least time left first.
public enum WorkQueue {
    /// States in which a ticket is still a unit's work.
    public static let openStates = TicketState.allCases.filter(\.isOpenForHandling)

    /// One ticket in a queue.
    public struct Item: Sendable, Equatable {
        public var id: UUID
        public var number: String
        public var state: TicketState
        public var urgency: UrgencyTier
        public var categoryCode: String?
        public var placeText: String
        public var text: String
        /// The caller's name, read only so that `text` can be masked (`PersonalDataMask`); never shown.
        public var callerName: String?
        /// Whether the unit leads the ticket, helps with it, or was summoned to it.
        public var role: UnitPart
        public var assignBy: Date?
        public var finishBy: Date?
        /// Seconds until `finishBy` (negative when overdue); nil when the tier sets no limit.
        public var secondsLeft: Int?
        public var overdue: Bool

        public init(
            id: UUID, number: String, state: TicketState, urgency: UrgencyTier, categoryCode: String?,
            placeText: String, text: String, callerName: String? = nil, role: UnitPart, assignBy: Date?,
            finishBy: Date?, now: Date
        ) {
            self.id = id
            self.number = number
            self.state = state
            self.urgency = urgency
            self.categoryCode = categoryCode
            self.placeText = placeText
            self.text = text
            self.callerName = callerName
            self.role = role
            self.assignBy = assignBy
            self.finishBy = finishBy
            secondsLeft = finishBy.map { Int($0.timeIntervalSince(now).rounded()) }
            overdue = (secondsLeft ?? 1) < 0
        }
    }

    /// Up to `limit` open tickets of `unit` within `scope`, most urgent first; a state or
    /// urgency the domain does not know is an error.
    public static func items(
        of unit: String, within scope: TicketScope, now: Date, limit: Int, on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [Item] {
        // Each way a ticket can be the unit's work is an arm of its own that an index serves; one
        // OR across them (an EXISTS among them) would read every open ticket of the city.
        var query = QueryBuilder(
            """
            SELECT t.id, t.number, t.state, t.urgency, t.category_code, t.place_text, t.request_text, t.caller_name,
                   CASE WHEN t.unit_code = \(unit) THEN 'lead' WHEN \(unit) = ANY(t.co_unit_codes) THEN 'co'
                        WHEN t.hand_up_unit = \(unit) THEN 'hand_up' WHEN t.community_code = \(unit) THEN 'community'
                        ELSE 'summoned' END,
                   d.assign_by, d.finish_by
            FROM tickets t LEFT JOIN ticket_deadlines d ON d.ticket_id = t.id
            WHERE t.id IN (
                    SELECT id FROM tickets WHERE unit_code = \(unit) AND state = ANY(\(openStates.map(\.rawValue)))
                    UNION ALL SELECT id FROM tickets WHERE co_unit_codes @> ARRAY[\(unit)]::text[]
                    UNION ALL SELECT ticket_id FROM ticket_whistles WHERE department_code = \(unit) AND reported_at IS NULL
                    UNION ALL SELECT id FROM tickets WHERE community_code = \(unit)
                    UNION ALL SELECT id FROM tickets
                        WHERE hand_up_unit = \(unit) AND state = \(TicketState.handedUp.rawValue) AND hand_up_accepted IS NULL)
              AND t.state = ANY(\(openStates.map(\.rawValue)))
            """)
        query.append(" AND ")
        query.append(scope.condition(on: "t"))
        query.append(
            """
             ORDER BY array_position(ARRAY['E', 'L', 'G', 'C'], t.urgency), d.finish_by NULLS LAST, t.received_at
            LIMIT \(limit)
            """)
        let rows = try await connection.query(query.query, logger: logger)
        var items: [Item] = []
        for try await (id, number, state, urgency, category, place, text, callerName, role, assignBy, finishBy)
            in rows.decode((UUID, String, String, String, String?, String, String, String?, String, Date?, Date?).self)
        {
            items.append(
                Item(
                    id: id, number: number, state: try .stored(state, column: "state"),
                    urgency: try .stored(urgency, column: "urgency"), categoryCode: category, placeText: place,
                    text: text, callerName: callerName, role: try .stored(role, column: "role"), assignBy: assignBy,
                    finishBy: finishBy,
                    now: now))
        }
        return items
    }
}
