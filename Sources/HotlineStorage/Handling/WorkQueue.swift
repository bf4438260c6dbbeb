public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// A unit's open tickets (as lead unit or co-unit) with their deadlines, most urgent first and,
/// within a tier, the least time left first.
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
        /// Whether the unit leads the ticket or helps with it.
        public var role: UnitRole
        public var assignBy: Date?
        public var finishBy: Date?
        /// Seconds until `finishBy` (negative when overdue); nil when the tier sets no limit.
        public var secondsLeft: Int?
        public var overdue: Bool

        public init(
            id: UUID, number: String, state: TicketState, urgency: UrgencyTier, categoryCode: String?,
            placeText: String, text: String, role: UnitRole, assignBy: Date?, finishBy: Date?, now: Date
        ) {
            self.id = id
            self.number = number
            self.state = state
            self.urgency = urgency
            self.categoryCode = categoryCode
            self.placeText = placeText
            self.text = text
            self.role = role
            self.assignBy = assignBy
            self.finishBy = finishBy
            secondsLeft = finishBy.map { Int($0.timeIntervalSince(now).rounded()) }
            overdue = (secondsLeft ?? 1) < 0
        }
    }

    /// A unit's part in a ticket of its queue.
    public enum UnitRole: String, Sendable, Equatable {
        case lead
        case co
    }

    /// Up to `limit` open tickets of `unit`, most urgent first; a state or urgency the domain
    /// does not know is an error.
    public static func items(
        of unit: String, now: Date, limit: Int, on connection: PostgresConnection, logger: Logger
    ) async throws -> [Item] {
        let rows = try await connection.query(
            """
            SELECT t.id, t.number, t.state, t.urgency, t.category_code, t.place_text, t.request_text,
                   CASE WHEN t.unit_code = \(unit) THEN 'lead' ELSE 'co' END, d.assign_by, d.finish_by
            FROM tickets t LEFT JOIN ticket_deadlines d ON d.ticket_id = t.id
            WHERE (t.unit_code = \(unit) OR \(unit) = ANY(t.co_unit_codes)) AND t.state = ANY(\(openStates.map(\.rawValue)))
            ORDER BY array_position(ARRAY['E', 'L', 'G', 'C'], t.urgency), d.finish_by NULLS LAST, t.received_at
            LIMIT \(limit)
            """, logger: logger)
        var items: [Item] = []
        for try await (id, number, state, urgency, category, place, text, role, assignBy, finishBy) in rows.decode(
            (UUID, String, String, String, String?, String, String, String, Date?, Date?).self)
        {
            items.append(
                Item(
                    id: id, number: number, state: try .stored(state, column: "state"),
                    urgency: try .stored(urgency, column: "urgency"), categoryCode: category, placeText: place,
                    text: text, role: try .stored(role, column: "role"), assignBy: assignBy, finishBy: finishBy,
                    now: now))
        }
        return items
    }
}
