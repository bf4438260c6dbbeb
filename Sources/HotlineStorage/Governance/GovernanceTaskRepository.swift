public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// What the governance-task use cases read and change: PostgreSQL in production
/// (`PostgresGovernanceTaskRepository`), a stand-in in the gateway's router tests.
public protocol GovernanceTaskRepository: Sendable {
    /// A year's requests for the annual screening (`GovernanceTaskStore.screeningTallies`).
    func screeningTallies(
        year: Int, timeZone: TimeZone
    ) async throws -> (tallies: [AnnualScreening.Tally], previousYear: [String: Int])
    /// The kinds of the org units among `codes` that exist.
    func unitKinds(_ codes: [String]) async throws -> [String: OrgUnit.Kind]
    /// Stores `task` and, in the same transaction, tells `notices` of it.
    func adopt(_ task: GovernanceTask, notices: [InboxNotice]) async throws
    /// Every task, or only `id`, newest first, with their progress.
    func tasks(id: UUID?) async throws -> [GovernanceTask]
    /// Stores a month's progress report (`GovernanceTaskStore.saveProgress`).
    func saveProgress(
        _ report: GovernanceProgressReport, of task: UUID, by person: String, at time: Date
    ) async throws -> GovernanceProgress
    /// Requests about `leaf` per district and month (`GovernanceTaskStore.monthlyCounts`).
    func monthlyCounts(
        of leaf: String, from first: CalendarDay, through last: CalendarDay, timeZone: TimeZone
    ) async throws -> [String: [CalendarDay: Int]]
}

/// The governance tasks in PostgreSQL.
public struct PostgresGovernanceTaskRepository: GovernanceTaskRepository {
    private let database: PostgresClient
    private let logger: Logger

    public init(database: PostgresClient, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    public func screeningTallies(
        year: Int, timeZone: TimeZone
    ) async throws -> (tallies: [AnnualScreening.Tally], previousYear: [String: Int]) {
        try await database.session {
            try await GovernanceTaskStore.screeningTallies(year: year, timeZone: timeZone, on: $0, logger: logger)
        }
    }

    public func unitKinds(_ codes: [String]) async throws -> [String: OrgUnit.Kind] {
        try await database.session { try await HandlingStore.units(codes, on: $0, logger: logger).kinds }
    }

    public func adopt(_ task: GovernanceTask, notices: [InboxNotice]) async throws {
        try await database.transaction(logger: logger) { connection in
            try await GovernanceTaskStore.insert(task, on: connection, logger: logger)
            try await InboxStore.add(
                notices, eventId: task.id, ticketId: nil, at: task.adoptedAt, on: connection, logger: logger)
        }
    }

    public func tasks(id: UUID?) async throws -> [GovernanceTask] {
        try await database.session { try await GovernanceTaskStore.tasks(id: id, on: $0, logger: logger) }
    }

    public func saveProgress(
        _ report: GovernanceProgressReport, of task: UUID, by person: String, at time: Date
    ) async throws -> GovernanceProgress {
        try await database.session {
            try await GovernanceTaskStore.saveProgress(report, of: task, by: person, at: time, on: $0, logger: logger)
        }
    }

    public func monthlyCounts(
        of leaf: String, from first: CalendarDay, through last: CalendarDay, timeZone: TimeZone
    ) async throws -> [String: [CalendarDay: Int]] {
        try await database.session {
            try await GovernanceTaskStore.monthlyCounts(
                of: leaf, from: first, through: last, timeZone: timeZone, on: $0, logger: logger)
        }
    }
}
