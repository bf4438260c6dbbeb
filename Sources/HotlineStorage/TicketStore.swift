public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// Reads and changes rows of `tickets`. Every change checks the state it expects, so a
/// redelivered or late event cannot move a ticket backwards.
public enum TicketStore {
    /// The next number of `day`'s daily sequence.
    public static func nextNumber(on day: CalendarDay, connection: PostgresConnection, logger: Logger) async throws -> TicketNumber {
        let rows = try await connection.query(
            """
            INSERT INTO ticket_number_counters AS counters (day, last_sequence) VALUES (\(day.isoDescription)::date, 1)
            ON CONFLICT (day) DO UPDATE SET last_sequence = counters.last_sequence + 1
            RETURNING last_sequence
            """, logger: logger)
        for try await sequence in rows.decode(Int.self) { return TicketNumber(day: day, sequence: sequence) }
        throw PostgresStoreError(message: "the ticket number counter returned no row")
    }

    /// Inserts a new ticket in state `received`.
    public static func insertReceived(id: UUID, number: TicketNumber, request: TicketRequest, at time: Date, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            """
            INSERT INTO tickets (id, number, channel, type, caller_name, caller_phone, place_text, latitude, longitude,
                                 request_text, category_code, urgency, state, received_at, updated_at)
            VALUES (\(id), \(number.description), \(request.channel.rawValue), \(request.type.rawValue), \(request.callerName),
                    \(request.callerPhone), \(request.placeText), \(request.coordinates?.latitude), \(request.coordinates?.longitude),
                    \(request.text), \(request.categoryCode), \((request.urgency ?? .general).rawValue),
                    \(TicketState.received.rawValue), \(time), \(time))
            """, logger: logger)
    }

    /// Records a classification on a `received` ticket; false when the ticket is not in that state.
    public static func markClassified(_ id: UUID, _ classification: TicketClassified, at time: Date, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        try await updated(
            connection.query(
                """
                UPDATE tickets SET state = \(TicketState.classified.rawValue), category_code = \(classification.categoryCode),
                    urgency = \(classification.urgency.rawValue), classification_confidence = \(classification.confidence),
                    version = version + 1, updated_at = \(time)
                WHERE id = \(id) AND state = \(TicketState.received.rawValue) RETURNING id
                """, logger: logger))
    }

    /// Records a dispatch on a `classified` ticket; false when the ticket is not in that state.
    public static func markDispatched(_ id: UUID, _ dispatch: TicketDispatched, at time: Date, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        try await updated(
            connection.query(
                """
                UPDATE tickets SET state = \(TicketState.dispatched.rawValue), unit_code = \(dispatch.unitCode),
                    dispatch_reason = \(dispatch.reason), version = version + 1, updated_at = \(time)
                WHERE id = \(id) AND state = \(TicketState.classified.rawValue) RETURNING id
                """, logger: logger))
    }

    /// The ticket's current state and its request, or nil when there is no such ticket.
    public static func find(_ id: UUID, on connection: PostgresConnection, logger: Logger) async throws -> TicketSummary? {
        let rows = try await connection.query(
            """
            SELECT number, state, category_code, urgency, unit_code, received_at, updated_at
            FROM tickets WHERE id = \(id)
            """, logger: logger)
        for try await (number, state, category, urgency, unit, received, updated) in rows.decode(
            (String, String, String?, String, String?, Date, Date).self)
        {
            return TicketSummary(
                id: id, number: number, state: state, categoryCode: category, urgency: urgency, unitCode: unit,
                receivedAt: received, updatedAt: updated)
        }
        return nil
    }

    private static func updated(_ rows: PostgresRowSequence) async throws -> Bool {
        for try await _ in rows { return true }
        return false
    }
}

/// A ticket's identity and where it stands.
public struct TicketSummary: Sendable, Codable, Equatable {
    public var id: UUID
    public var number: String
    public var state: String
    public var categoryCode: String?
    public var urgency: String
    public var unitCode: String?
    public var receivedAt: Date
    public var updatedAt: Date

    public init(
        id: UUID, number: String, state: String, categoryCode: String?, urgency: String, unitCode: String?,
        receivedAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.number = number
        self.state = state
        self.categoryCode = categoryCode
        self.urgency = urgency
        self.unitCode = unitCode
        self.receivedAt = receivedAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, number, state, urgency
        case categoryCode = "category_code"
        case unitCode = "unit_code"
        case receivedAt = "received_at"
        case updatedAt = "updated_at"
    }
}

/// The database answered in a way the store cannot use.
public struct PostgresStoreError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
