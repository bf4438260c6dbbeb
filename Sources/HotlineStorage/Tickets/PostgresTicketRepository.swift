public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// The ticket use cases' storage in PostgreSQL: a pool for the work, and a pool of its own for
/// ticket numbers (sessions with `TicketStore.numberingSettings`), reserved in blocks
/// (`TicketNumbering`). Each committed transaction
/// rings `doorbell`, for the events it wrote to the outbox.
public struct PostgresTicketRepository: TicketRepository {
    private let database: PostgresClient
    private let numbering: TicketNumbering
    private let doorbell: OutboxDoorbell?
    private let logger: Logger

    public init(database: PostgresClient, numbering: PostgresClient, doorbell: OutboxDoorbell? = nil, logger: Logger) {
        self.database = database
        self.numbering = TicketNumbering(client: numbering, logger: logger)
        self.doorbell = doorbell
        self.logger = logger
    }

    public func read<T: Sendable>(_ work: @escaping @Sendable (any TicketSession) async throws -> T) async throws -> T {
        try await database.session { [logger] in
            try await work(PostgresTicketSession(connection: $0, logger: logger))
        }
    }

    public func transaction<T: Sendable>(
        _ work: @escaping @Sendable (any TicketSession) async throws -> T
    ) async throws -> T {
        do {
            let result = try await database.transaction(logger: logger) { [logger] in
                try await work(PostgresTicketSession(connection: $0, logger: logger))
            }
            doorbell?.ring()
            return result
        } catch let error as PostgresTransactionError {
            // The work refused (a use case's error): rolled back, so pass the refusal on as it is.
            if let refusal = error.closureError, !(refusal is PSQLError), error.rollbackError == nil { throw refusal }
            throw error
        }
    }

    public func recordReceived(
        _ ticket: ReceivedTicket, claiming key: IdempotencyKeys.Key?
    ) async throws -> RecordedIntake {
        let recorded = try await database.session { [logger] in
            try await TicketStore.insertReceived(ticket, claiming: key, on: $0, logger: logger)
        }
        if case .created = recorded { doorbell?.ring() }
        return recorded
    }

    public func nextNumber(on day: CalendarDay) async throws -> TicketNumber {
        try await numbering.next(on: day)
    }
}

/// One connection of `PostgresTicketRepository`, calling the stores.
struct PostgresTicketSession: TicketSession {
    let connection: PostgresConnection
    let logger: Logger

    func ticket(_ id: UUID) async throws -> TicketRecord? {
        try await TicketQueries.find(id, on: connection, logger: logger)
    }

    func state(of id: UUID) async throws -> TicketState? {
        try await TicketQueries.state(of: id, on: connection, logger: logger)
    }

    func tickets(matching filter: TicketFilter, after cursor: TicketCursor?, limit: Int) async throws -> [TicketRecord]
    {
        try await TicketQueries.search(filter, after: cursor, limit: limit, on: connection, logger: logger)
    }

    func reviewQueue(limit: Int) async throws -> [TicketRecord] {
        try await TicketQueries.reviewQueue(limit: limit, on: connection, logger: logger)
    }

    func workQueue(of unit: String, within scope: TicketScope, now: Date, limit: Int) async throws -> [WorkQueue.Item] {
        try await WorkQueue.items(of: unit, within: scope, now: now, limit: limit, on: connection, logger: logger)
    }

    func insertReceived(_ ticket: ReceivedTicket, claiming key: IdempotencyKeys.Key?) async throws -> RecordedIntake {
        try await TicketStore.insertReceived(ticket, claiming: key, on: connection, logger: logger)
    }

    func recordFiling(_ filing: Open311Filing, ticketId: UUID, at time: Date) async throws {
        try await ServiceRequestStore.insertFiling(filing, ticketId: ticketId, at: time, on: connection, logger: logger)
    }

    func markAnswered(
        _ id: UUID, _ answer: TicketAnswered, allowedIn states: [TicketState], at time: Date
    ) async throws -> Bool {
        try await TicketStore.markAnswered(id, answer, allowedIn: states, at: time, on: connection, logger: logger)
    }

    func applyOperatorCategory(
        _ id: UUID, leafCode: String, path: [String], urgency: UrgencyTier, allowedIn states: [TicketState],
        at time: Date
    ) async throws -> TicketStore.CategoryChange? {
        try await TicketStore.applyOperatorCategory(
            id, leafCode: leafCode, path: path, urgency: urgency, allowedIn: states, at: time, on: connection,
            logger: logger)
    }

    func recordExample(
        ticketId: UUID, text: String, location: String, leafCode: String, urgency: UrgencyTier?, recordedBy: UUID,
        at time: Date
    ) async throws {
        try await ClassifierTraining.recordExample(
            ticketId: ticketId, text: text, location: location, leafCode: leafCode, urgency: urgency,
            recordedBy: recordedBy, at: time, on: connection, logger: logger)
    }

    func record<P: EventPayload>(_ event: Event<P>, trace: TraceContext?) async throws {
        try await EventRecorder.record(event, trace: trace, on: connection, logger: logger)
    }

    func lockForHandling(_ id: UUID) async throws -> HandlingTicket? {
        try await HandlingStore.lock(id, on: connection, logger: logger)
    }

    func namedUnits(_ codes: [String]) async throws -> (kinds: [String: OrgUnit.Kind], parents: [String: String]) {
        try await HandlingStore.units(codes, on: connection, logger: logger)
    }

    func apply(_ decision: HandlingDecision, to id: UUID, at time: Date) async throws {
        if let summons = decision.summons {
            try await HandlingStore.whistle(
                id, departments: summons.departments, by: summons.summonedBy, deadline: summons.deadline, at: time,
                on: connection, logger: logger)
        }
        if let department = decision.reportingDepartment {
            try await HandlingStore.reportIn(id, department: department, at: time, on: connection, logger: logger)
        }
        if let meetingDecision = decision.meetingDecision {
            try await MeetingAgendaStore.decide(id, meetingDecision, at: time, on: connection, logger: logger)
        }
        if let consultation = decision.consultation {
            try await ConsultationStore.record(consultation, on: id, at: time, on: connection, logger: logger)
        }
        try await HandlingStore.update(
            id, state: decision.state, unitCode: decision.unitCode, changes: decision.changes, at: time,
            on: connection, logger: logger)
    }

    func groupCases(within scope: TicketScope, after cursor: GroupCaseCursor?, limit: Int) async throws -> [GroupCase] {
        try await GroupCaseStore.cases(within: scope, after: cursor, limit: limit, on: connection, logger: logger)
    }

    func groupCase(_ id: UUID, locking: Bool) async throws -> GroupCase? {
        try await GroupCaseStore.find(id, locking: locking, on: connection, logger: logger)
    }

    func groupCaseTickets(_ id: UUID) async throws -> [GroupCaseTicket] {
        try await GroupCaseStore.tickets(of: id, on: connection, logger: logger)
    }

    func settleGroupCase(_ id: UUID, at time: Date) async throws -> GroupCase? {
        try await GroupCaseStore.settle(id, at: time, on: connection, logger: logger)
    }
}
