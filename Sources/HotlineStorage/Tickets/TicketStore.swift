public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// Reads and changes rows of `tickets`. Every change checks the state it expects, so a
/// redelivered or late event cannot move a ticket backwards.
public enum TicketStore {
    /// Reserves the next `count` numbers of `day`'s daily sequence, from the counter row in a
    /// transaction of its own (`TicketNumbering` gives them out). Give it a pool whose sessions
    /// run with `synchronous_commit = off` (`numberingSettings`): the counter's row lock is then
    /// held for the statement alone, not for a whole ticket transaction and its wait for the disk,
    /// which would serialise every intake.
    ///
    /// A number whose ticket then rolls back, or that is never given out, is skipped. After a
    /// crash, reservations not yet on disk are made again, but never of a number a committed
    /// ticket holds: a ticket's commit flushes the log up to itself, and the reservation of its
    /// number came before it in the log.
    public static func reserveNumbers(
        _ count: Int, on day: CalendarDay, client: PostgresClient, logger: Logger
    ) async throws -> ClosedRange<Int> {
        precondition(count > 0, "reserve at least one number")
        let rows = try await client.query(
            """
            INSERT INTO ticket_number_counters AS counters (day, last_sequence) VALUES (\(day.isoDescription)::date, \(count))
            ON CONFLICT (day) DO UPDATE SET last_sequence = counters.last_sequence + excluded.last_sequence
            RETURNING last_sequence
            """, logger: logger)
        for try await last in rows.decode(Int.self) { return last - count + 1...last }
        throw PostgresStoreError(message: "the ticket number counter returned no row")
    }

    /// Session settings for the pool that `reserveNumbers` uses.
    public static let numberingSettings = [("synchronous_commit", "off")]

    /// Records a new ticket in one statement (`RecordReceived`): claims `key` when given and new,
    /// then inserts the ticket in state `received`, with the masked copies of the caller and the
    /// text that the analysts' schema shows (`PersonalDataMask`) and, for a grid worker's own
    /// finding, who reported it from which community, and writes its `ticket.received` event to
    /// the outbox and the history. `ticket.received` tells no unit (`InboxRule`), so there is no
    /// inbox row to write.
    ///
    /// Returns the ticket as stored with its one history entry, so that the intake answers
    /// without reading it back; or, when `key` was claimed before, what it was used for (a retry
    /// or a reused key), and nothing is written. Outside a transaction the statement commits alone.
    public static func insertReceived(
        _ ticket: ReceivedTicket, claiming key: IdempotencyKeys.Key?, on connection: PostgresConnection,
        logger: Logger
    ) async throws -> RecordedIntake {
        let entry = try OutboxEntry(ticket.event, traceparent: ticket.trace?.description)
        let rows = try await connection.execute(RecordReceived(ticket: ticket, entry: entry, key: key), logger: logger)
        for try await row in rows {
            var record = try TicketRecord(row: row)
            record.history = [try HistoryEntry(entry, occurredAt: ticket.receivedAt)]
            return .created(record)
        }
        guard let key else { throw PostgresStoreError(message: "the ticket insert returned no row") }
        return .keyClaimedBefore(try await IdempotencyKeys.earlierUse(of: key, on: connection, logger: logger))
    }

    /// Records the classifier's decisions on `received` tickets in one statement: each becomes
    /// `classified`, or `needs_review` when an operator must confirm it. Returns the ids of the
    /// tickets changed (not those no longer in state `received`). Give each ticket once. Its
    /// repeat link is written by `TicketLinks.linkRepeats`.
    public static func markClassified(
        _ decisions: [(id: UUID, classification: TicketClassified, candidates: String?)], at time: Date,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> Set<UUID> {
        guard !decisions.isEmpty else { return [] }
        let c = decisions.map(\.classification)
        // Arrays bind no NULLs: an absent code or candidate list is bound as ''. The state test is
        // kept out of index conditions, so that the primary key finds each row (`docs/performance.md`, step 9).
        let rows = try await connection.query(
            """
            UPDATE tickets t SET state = d.state, category_code = NULLIF(d.category, ''), level1_code = NULLIF(d.level1, ''),
                level2_code = NULLIF(d.level2, ''), urgency = d.urgency, classification_confidence = d.confidence,
                classification_method = d.method, district_code = NULLIF(d.district, ''),
                township_code = NULLIF(d.township, ''), candidates = NULLIF(d.candidates, '')::jsonb,
                version = t.version + 1, updated_at = \(time)
            FROM unnest(\(decisions.map(\.id)), \(c.map { ($0.reviewRequired ? TicketState.needsReview : .classified).rawValue }),
                \(c.map { $0.categoryCode ?? "" }), \(c.map { $0.level1Code ?? "" }), \(c.map { $0.level2Code ?? "" }),
                \(c.map(\.urgency.rawValue)), \(c.map(\.confidence)), \(c.map(\.method.rawValue)),
                \(c.map { $0.districtCode ?? "" }), \(c.map { $0.townshipCode ?? "" }), \(decisions.map { $0.candidates ?? "" }))
                AS d(id, state, category, level1, level2, urgency, confidence, method, district, township, candidates)
            WHERE t.id = d.id AND (t.state = \(TicketState.received.rawValue)) IS TRUE
            RETURNING t.id
            """, logger: logger)
        return try await ids(rows)
    }

    /// Puts tickets in one of `states` into the queues of their dispatches' lead units (with
    /// their co-units), in one statement, each at its own time; the unit becomes a ticket's
    /// first-responsible unit (首接负责) when it is the first street, township, department or
    /// enterprise to get it. Returns the ids of the tickets changed (not those in another
    /// state). Give each ticket once.
    public static func markDispatched(
        _ dispatches: [(id: UUID, dispatch: TicketDispatched, time: Date)], from states: [TicketState],
        on connection: PostgresConnection, logger: Logger
    ) async throws -> Set<UUID> {
        guard !dispatches.isEmpty else { return [] }
        let d = dispatches.map(\.dispatch)
        // A ticket's co-units travel as one text, joined by the unit separator (U+001F), which no
        // unit code holds: `unnest` would flatten an array of arrays.
        let rows = try await connection.query(
            """
            UPDATE tickets t SET state = 'dispatched', unit_code = d.unit,
                co_unit_codes = string_to_array(d.co_units, chr(31)), dispatch_reason = d.reason, signed_at = NULL,
                first_responsible_unit = COALESCE(t.first_responsible_unit,
                    (SELECT code FROM org_units WHERE code = d.unit AND kind IN ('township', 'department', 'enterprise'))),
                version = t.version + 1, updated_at = d.time
            FROM unnest(\(dispatches.map(\.id)), \(d.map(\.unitCode)), \(d.map { $0.coUnitCodes.joined(separator: "\u{1F}") }),
                \(d.map(\.reason)), \(dispatches.map(\.time))) AS d(id, unit, co_units, reason, time)
            WHERE t.id = d.id AND (t.state = ANY(\(states.map(\.rawValue)))) IS TRUE
            RETURNING t.id
            """, logger: logger)
        return try await ids(rows)
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

    private static func ids(_ rows: PostgresRowSequence) async throws -> Set<UUID> {
        var ids: Set<UUID> = []
        for try await id in rows.decode(UUID.self) { ids.insert(id) }
        return ids
    }
}

/// The database answered in a way the store cannot use.
public struct PostgresStoreError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
