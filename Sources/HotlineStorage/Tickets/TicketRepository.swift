public import Foundation
public import HotlineDomain

/// The storage the ticket use cases (intake, handling, review, reading) work on: PostgreSQL in
/// production (`PostgresTicketRepository`), an in-memory stand-in in the gateway's router tests.
public protocol TicketRepository: Sendable {
    /// Runs `work` on one pooled connection.
    func read<T: Sendable>(_ work: @escaping @Sendable (any TicketSession) async throws -> T) async throws -> T

    /// Runs `work` in one transaction. An error `work` throws rolls the transaction back and
    /// reaches the caller as it is.
    func transaction<T: Sendable>(
        _ work: @escaping @Sendable (any TicketSession) async throws -> T
    ) async throws -> T

    /// Records a new ticket with its `ticket.received` event, claiming `key` first when given, in
    /// one statement committed on its own (`TicketStore.insertReceived`): the common intake,
    /// with no answer and no Open311 filing.
    func recordReceived(_ ticket: ReceivedTicket, claiming key: IdempotencyKeys.Key?) async throws -> RecordedIntake

    /// The next number of `day`'s daily sequence, outside any transaction (see
    /// `TicketNumbering`).
    func nextNumber(on day: CalendarDay) async throws -> TicketNumber
}

/// What the ticket use cases read and change, on one connection (in a transaction when the
/// session came from `TicketRepository.transaction`).
public protocol TicketSession: Sendable {
    /// The ticket with its history, or nil when there is none.
    func ticket(_ id: UUID) async throws -> TicketRecord?
    /// The ticket's state, or nil when there is no such ticket.
    func state(of id: UUID) async throws -> TicketState?
    /// Up to `limit` tickets matching `filter`, newest first, after `cursor`.
    func tickets(matching filter: TicketFilter, after cursor: TicketCursor?, limit: Int) async throws -> [TicketRecord]
    /// The tickets waiting for an operator to confirm their category, oldest first.
    func reviewQueue(limit: Int) async throws -> [TicketRecord]
    /// Up to `limit` open tickets of `unit` within `scope`, most urgent first.
    func workQueue(of unit: String, within scope: TicketScope, now: Date, limit: Int) async throws -> [WorkQueue.Item]

    /// Inserts a new ticket in state `received` with its `ticket.received` event, claiming `key`
    /// first when given (`TicketStore.insertReceived`), in the session's transaction.
    func insertReceived(_ ticket: ReceivedTicket, claiming key: IdempotencyKeys.Key?) async throws -> RecordedIntake
    /// Records that the new ticket `ticketId` came through Open311 as `filing`.
    func recordFiling(_ filing: Open311Filing, ticketId: UUID, at time: Date) async throws
    /// Closes a ticket in one of `states` as answered directly; false when it is in another state.
    func markAnswered(
        _ id: UUID, _ answer: TicketAnswered, allowedIn states: [TicketState], at time: Date
    )
        async throws -> Bool
    /// Sets an operator's category on a ticket in one of `states` (`TicketStore.applyOperatorCategory`).
    func applyOperatorCategory(
        _ id: UUID, leafCode: String, path: [String], urgency: UrgencyTier, allowedIn states: [TicketState],
        at time: Date
    ) async throws -> TicketStore.CategoryChange?
    /// Keeps an operator's classification as a labelled example for retraining.
    func recordExample(
        ticketId: UUID, text: String, location: String, leafCode: String, urgency: UrgencyTier?, recordedBy: UUID,
        at time: Date
    ) async throws
    /// Writes `event` to the outbox and the ticket's history.
    func record<P: EventPayload>(_ event: Event<P>, trace: TraceContext?) async throws

    /// Locks the ticket for the rest of the transaction and reads what a handling decision
    /// needs; nil when there is no such ticket.
    func lockForHandling(_ id: UUID) async throws -> HandlingTicket?
    /// The org units among `codes` that exist, with their kinds and parent units.
    func namedUnits(_ codes: [String]) async throws -> (kinds: [String: OrgUnit.Kind], parents: [String: String])
    /// Applies a handling decision to the locked ticket: its columns and whistles.
    func apply(_ decision: HandlingDecision, to id: UUID, at time: Date) async throws

    /// Up to `limit` group cases within `scope`, newest first, after `cursor`.
    func groupCases(within scope: TicketScope, after cursor: GroupCaseCursor?, limit: Int) async throws -> [GroupCase]
    /// The group case `id` (locked for the rest of the transaction when `locking`), or nil.
    func groupCase(_ id: UUID, locking: Bool) async throws -> GroupCase?
    /// The tickets linked to group case `id`, oldest first.
    func groupCaseTickets(_ id: UUID) async throws -> [GroupCaseTicket]
    /// Sets group case `id`'s state from its linked tickets' (`GroupCaseStore.settle`).
    func settleGroupCase(_ id: UUID, at time: Date) async throws -> GroupCase?
}
