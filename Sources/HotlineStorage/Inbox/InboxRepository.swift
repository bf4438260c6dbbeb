public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// What the inbox use cases read and change: PostgreSQL in production (`PostgresInboxRepository`),
/// an in-memory stand-in in the gateway's router tests.
public protocol InboxRepository: Sendable {
    /// The org unit `code`, or nil when there is none.
    func unit(_ code: String) async throws -> OrgUnit?
    /// Up to `limit` items of `unit` matching `filter`, newest first, before item `cursor`.
    func items(
        of unit: String, matching filter: InboxStore.Filter, before cursor: Int64?, limit: Int
    ) async throws
        -> [InboxItem]
    /// The unacknowledged items of `unit` by kind, and how many are unread.
    func openCounts(of unit: String) async throws -> (byKind: [InboxKind: Int], unread: Int)
    /// Marks `ids` of `unit` read or acknowledged by `actor`; returns the ids changed.
    func mark(
        _ ids: [Int64], of unit: String, _ mark: InboxStore.Mark, by actor: String, at time: Date
    ) async throws
        -> [Int64]
    /// Committed items after `position`, of `unit` or of every unit, in commit order (`InboxStore.committed`).
    func committed(after position: InboxPosition, unit: String?, limit: Int) async throws -> [InboxItem]
    /// The position of the newest committed item of every unit (`InboxStore.latestPosition`).
    func latestPosition() async throws -> InboxPosition
}

/// Every unit's inbox in PostgreSQL (`InboxStore`).
public struct PostgresInboxRepository: InboxRepository {
    private let database: PostgresClient
    private let logger: Logger

    public init(database: PostgresClient, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    public func unit(_ code: String) async throws -> OrgUnit? {
        try await database.session { try await InboxStore.unit(code, on: $0, logger: logger) }
    }

    public func items(
        of unit: String, matching filter: InboxStore.Filter, before cursor: Int64?, limit: Int
    ) async throws -> [InboxItem] {
        try await database.session {
            try await InboxStore.items(of: unit, matching: filter, before: cursor, limit: limit, on: $0, logger: logger)
        }
    }

    public func openCounts(of unit: String) async throws -> (byKind: [InboxKind: Int], unread: Int) {
        try await database.session { try await InboxStore.openCounts(of: unit, on: $0, logger: logger) }
    }

    public func mark(
        _ ids: [Int64], of unit: String, _ mark: InboxStore.Mark, by actor: String, at time: Date
    ) async throws -> [Int64] {
        try await database.session {
            try await InboxStore.mark(ids, of: unit, mark, by: actor, at: time, on: $0, logger: logger)
        }
    }

    public func committed(after position: InboxPosition, unit: String?, limit: Int) async throws -> [InboxItem] {
        try await database.session {
            try await InboxStore.committed(after: position, unit: unit, limit: limit, on: $0, logger: logger)
        }
    }

    public func latestPosition() async throws -> InboxPosition {
        try await database.session { try await InboxStore.latestPosition(on: $0, logger: logger) }
    }
}
