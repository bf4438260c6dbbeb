public import HotlineDomain
public import Logging
public import PostgresNIO

/// Finds who holds a bearer token: PostgreSQL's `api_tokens` in production
/// (`PostgresPrincipalDirectory`), a fixed table in the gateway's router tests.
public protocol PrincipalDirectory: Sendable {
    /// The holder of `secret`, or nil when the token is unknown or revoked.
    func principal(for secret: String) async throws -> Principal?
}

/// The tokens in PostgreSQL (`TokenStore`).
public struct PostgresPrincipalDirectory: PrincipalDirectory {
    private let database: PostgresClient
    private let logger: Logger

    public init(database: PostgresClient, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    public func principal(for secret: String) async throws -> Principal? {
        try await database.withConnection { try await TokenStore.principal(for: secret, on: $0, logger: logger) }
    }
}
