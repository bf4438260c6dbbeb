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
    public struct Item: Sendable, Codable, Equatable {
        public var id: UUID
        public var number: String
        public var state: TicketState
        public var urgency: UrgencyTier
        public var categoryCode: String?
        public var placeText: String
        public var text: String
        /// `lead` or `co`.
        public var role: String
        public var assignBy: Date?
        public var finishBy: Date?
        /// Seconds until `finishBy` (negative when overdue); nil when the tier sets no limit.
        public var secondsLeft: Int?
        public var overdue: Bool

        enum CodingKeys: String, CodingKey {
            case id, number, state, urgency, text, role, overdue
            case categoryCode = "category_code"
            case placeText = "place_text"
            case assignBy = "assign_by"
            case finishBy = "finish_by"
            case secondsLeft = "seconds_left"
        }
    }

    /// A unit's queue as the API returns it.
    public struct Page: Sendable, Encodable {
        public var unitCode: String
        public var items: [Item]

        public init(unitCode: String, items: [Item]) {
            self.unitCode = unitCode
            self.items = items
        }

        enum CodingKeys: String, CodingKey {
            case items
            case unitCode = "unit_code"
        }
    }

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
            let left = finishBy.map { Int($0.timeIntervalSince(now).rounded()) }
            items.append(
                Item(
                    id: id, number: number, state: TicketState(rawValue: state) ?? .dispatched,
                    urgency: UrgencyTier(rawValue: urgency) ?? .general,
                    categoryCode: category, placeText: place, text: text, role: role, assignBy: assignBy,
                    finishBy: finishBy,
                    secondsLeft: left,
                    overdue: (left ?? 1) < 0))
        }
        return items
    }
}
