public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// Finds who holds a bearer token: PostgreSQL's `api_tokens` in production
/// (`PostgresPrincipalDirectory`), a fixed table in the gateway's router tests.
public protocol PrincipalDirectory: Sendable {
    /// The holder of `secret` at `time`, or nil when the token is unknown, revoked or expired.
    func principal(for secret: String, at time: Date) async throws -> Principal?
}

/// The tokens in PostgreSQL (`TokenStore`); each lookup also records the token's last use.
public struct PostgresPrincipalDirectory: PrincipalDirectory {
    private let database: PostgresClient
    private let logger: Logger

    public init(database: PostgresClient, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    public func principal(for secret: String, at time: Date) async throws -> Principal? {
        try await database.session {
            try await TokenStore.principal(for: secret, at: time, on: $0, logger: logger)
        }
    }
}
