public import Foundation
public import Logging
public import PostgresNIO

/// Searches the audit trail: PostgreSQL's `audit_trail` in production (`PostgresAuditReader`),
/// an in-memory trail in the gateway's router tests.
public protocol AuditReader: Sendable {
    /// Up to `limit` recorded reads matching `filter`, newest first, before sequence `cursor`.
    func records(
        matching filter: AuditStore.Filter, before cursor: Int64?, limit: Int
    ) async throws
        -> [AuditStore.Record]
}

/// The audit trail in PostgreSQL (`AuditStore`).
public struct PostgresAuditReader: AuditReader {
    private let database: PostgresClient
    private let logger: Logger

    public init(database: PostgresClient, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    public func records(
        matching filter: AuditStore.Filter, before cursor: Int64?, limit: Int
    ) async throws -> [AuditStore.Record] {
        try await database.session {
            try await AuditStore.search(filter, before: cursor, limit: limit, on: $0, logger: logger)
        }
    }
}
