public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// What the supervision and meeting-agenda use cases read: PostgreSQL in production
/// (`PostgresSupervisionRepository`), an in-memory stand-in in the gateway's router tests.
public protocol SupervisionRepository: Sendable {
    /// Up to `limit` open supervised tickets within `scope` matching `filter`, most overdue
    /// first, after `cursor` (`SupervisionStore.tickets`).
    func supervised(
        within scope: TicketScope, matching filter: SupervisionStore.Filter, after cursor: TicketCursor?, limit: Int
    ) async throws -> [SupervisedTicket]
    /// Up to `limit` items of `unit`'s leadership-meeting agenda, newest first, before item
    /// `cursor`; for a sub-center's `scope` only those of its district (`MeetingAgendaStore.items`).
    func meetingAgenda(
        of unit: String, within scope: TicketScope, before cursor: Int64?, limit: Int
    ) async throws -> [MeetingAgendaItem]
}

/// Supervision lists and meeting agendas in PostgreSQL (`SupervisionStore`, `MeetingAgendaStore`).
public struct PostgresSupervisionRepository: SupervisionRepository {
    private let database: PostgresClient
    private let logger: Logger

    public init(database: PostgresClient, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    public func supervised(
        within scope: TicketScope, matching filter: SupervisionStore.Filter, after cursor: TicketCursor?, limit: Int
    ) async throws -> [SupervisedTicket] {
        try await database.session {
            try await SupervisionStore.tickets(
                within: scope, matching: filter, after: cursor, limit: limit, on: $0, logger: logger)
        }
    }

    public func meetingAgenda(
        of unit: String, within scope: TicketScope, before cursor: Int64?, limit: Int
    ) async throws -> [MeetingAgendaItem] {
        try await database.session {
            try await MeetingAgendaStore.items(
                of: unit, within: scope, before: cursor, limit: limit, on: $0, logger: logger)
        }
    }
}
