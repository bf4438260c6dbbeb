public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// Reads and changes rows of `tickets`. Every change checks the state it expects, so a
/// redelivered or late event cannot move a ticket backwards.
public enum TicketStore {
    /// The next number of `day`'s daily sequence, from the counter row in a transaction of its
    /// own. Give it a pool whose sessions run with `synchronous_commit = off` (`numberingSettings`):
    /// the counter's row lock is then held for the statement alone, not for a whole ticket
    /// transaction and its wait for the disk, which would serialise every intake.
    ///
    /// A number whose ticket then rolls back is skipped. After a crash, increments not yet on
    /// disk are handed out again, but never a number a committed ticket holds: a ticket's commit
    /// flushes the log up to itself, and its counter increment came before it in the log.
    public static func nextNumber(
        on day: CalendarDay, client: PostgresClient, logger: Logger
    ) async throws -> TicketNumber {
        let rows = try await client.query(
            """
            INSERT INTO ticket_number_counters AS counters (day, last_sequence) VALUES (\(day.isoDescription)::date, 1)
            ON CONFLICT (day) DO UPDATE SET last_sequence = counters.last_sequence + 1
            RETURNING last_sequence
            """, logger: logger)
        for try await sequence in rows.decode(Int.self) { return TicketNumber(day: day, sequence: sequence) }
        throw PostgresStoreError(message: "the ticket number counter returned no row")
    }

    /// Session settings for the pool that `nextNumber` uses.
    public static let numberingSettings = [("synchronous_commit", "off")]

    /// Inserts a new ticket in state `received`, with the masked copies of the caller and the
    /// text that the analysts' schema shows (`PersonalDataMask`) and, for a grid worker's own
    /// finding, who reported it from which community. Returns the ticket as stored, so that the
    /// intake answers without reading it back.
    public static func insertReceived(
        id: UUID, number: TicketNumber, request: TicketRequest, gridReport: GridReport?, at time: Date,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> TicketRecord {
        let masked = MaskedPersonalData(request)
        let rows = try await connection.query(
            """
            INSERT INTO tickets (id, number, channel, type, caller_name, caller_phone, place_text, latitude, longitude,
                                 request_text, category_code, urgency, state, received_at, updated_at,
                                 caller_name_masked, caller_phone_masked, request_text_masked, reported_by, community_code)
            VALUES (\(id), \(number.description), \(request.channel.rawValue), \(request.type.rawValue), \(request.callerName),
                    \(request.callerPhone), \(request.placeText), \(request.coordinates?.latitude), \(request.coordinates?.longitude),
                    \(request.text), \(request.categoryCode), \((request.urgency ?? .general).rawValue),
                    \(TicketState.received.rawValue), \(time), \(time),
                    \(masked.callerName), \(masked.callerPhone), \(masked.requestText),
                    \(gridReport?.reporter), \(gridReport?.communityCode))
            RETURNING \(unescaped: TicketRecord.columns)
            """, logger: logger)
        guard let row = try await rows.collect().first else {
            throw PostgresStoreError(message: "the ticket insert returned no row")
        }
        return try TicketRecord(row: row)
    }

    /// Records the classifier's decision on a `received` ticket: `classified`, or `needs_review`
    /// when an operator must confirm it. False when the ticket is not in state `received`.
    public static func markClassified(
        _ id: UUID, _ classification: TicketClassified, candidates: String?, at time: Date,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Bool {
        try await updated(
            connection.execute(
                MarkClassified(id: id, classification: classification, candidates: candidates, time: time),
                logger: logger))
    }

    /// Puts a ticket in one of `states` into the queue of `dispatch`'s lead unit (with its
    /// co-units), the unit becoming its first-responsible unit (首接负责) when it is the first
    /// street, township, department or enterprise to get it; false when the ticket is in another
    /// state.
    public static func markDispatched(
        _ id: UUID, _ dispatch: TicketDispatched, from states: [TicketState], at time: Date,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Bool {
        try await updated(
            connection.execute(MarkDispatched(id: id, dispatch: dispatch, states: states, time: time), logger: logger))
    }

    /// A ticket's category before an operator changes it, and the state it was in.
    public struct CategoryChange: Sendable {
        public var previousState: TicketState
        public var previousCategoryCode: String?
        public var text: String
        public var placeText: String
        public var districtCode: String?
        public var townshipCode: String?

        public init(
            previousState: TicketState, previousCategoryCode: String?, text: String, placeText: String,
            districtCode: String?, townshipCode: String?
        ) {
            self.previousState = previousState
            self.previousCategoryCode = previousCategoryCode
            self.text = text
            self.placeText = placeText
            self.districtCode = districtCode
            self.townshipCode = townshipCode
        }
    }

    /// Sets the category an operator chose on a ticket in one of `states`: a ticket still
    /// waiting for classification becomes `classified`, others keep their state. Nil when the
    /// ticket does not exist or is in another state.
    public static func applyOperatorCategory(
        _ id: UUID, leafCode: String, path: [String], urgency: UrgencyTier, allowedIn states: [TicketState],
        at time: Date,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> CategoryChange? {
        let rows = try await connection.query(
            """
            UPDATE tickets AS t SET category_code = \(leafCode), level1_code = \(path.first), level2_code = \(path.dropFirst().first),
                urgency = \(urgency.rawValue), classification_confidence = 1, classification_method = \(ClassificationMethod.operatorChoice.rawValue),
                state = CASE WHEN t.state IN (\(TicketState.received.rawValue), \(TicketState.needsReview.rawValue))
                             THEN \(TicketState.classified.rawValue) ELSE t.state END,
                version = t.version + 1, updated_at = \(time)
            FROM (SELECT id, state, category_code FROM tickets WHERE id = \(id) FOR UPDATE) AS before
            WHERE t.id = before.id AND before.state = ANY(\(states.map(\.rawValue)))
            RETURNING before.state, before.category_code, t.request_text, t.place_text, t.district_code, t.township_code
            """, logger: logger)
        for try await (state, category, text, place, district, township) in rows.decode(
            (String, String?, String, String, String?, String?).self)
        {
            return CategoryChange(
                previousState: try .stored(state, column: "state"), previousCategoryCode: category, text: text,
                placeText: place,
                districtCode: district,
                townshipCode: township)
        }
        return nil
    }

    /// Closes a ticket in one of `states` as answered directly; false when it is in another state.
    public static func markAnswered(
        _ id: UUID, _ answer: TicketAnswered, allowedIn states: [TicketState], at time: Date,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Bool {
        try await updated(
            connection.query(
                """
                UPDATE tickets SET state = \(TicketState.answeredDirectly.rawValue), answer_article_id = \(answer.articleId),
                    answer_text = \(answer.answer), version = version + 1, updated_at = \(time)
                WHERE id = \(id) AND state = ANY(\(states.map(\.rawValue))) RETURNING id
                """, logger: logger))
    }

    private static func updated<Rows: AsyncSequence>(_ rows: Rows) async throws -> Bool {
        for try await _ in rows { return true }
        return false
    }
}

/// The database answered in a way the store cannot use.
public struct PostgresStoreError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
