public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// What the screens' sign-in reads and writes: password users, API tokens and sessions.
/// PostgreSQL in production (`PostgresScreenAccounts`), a table in memory in the router tests.
public protocol ScreenAccounts: Sendable {
    /// The credentials of `username`, or nil when there is no such user.
    func credentials(username: String) async throws -> ScreenUserStore.Credentials?
    /// The holder of the API token `secret` at `time`, or nil when it is unknown, revoked or expired.
    func principal(forToken secret: String, at time: Date) async throws -> Principal?
    /// Opens a session known by `secret` for `holder` until `expiresAt`.
    func openSession(
        secret: String, holder: ScreenSessionStore.Holder, formToken: String, at time: Date, expiresAt: Date
    ) async throws
    /// The open session known by `secret` at `time`, or nil.
    func session(secret: String, at time: Date) async throws -> ScreenSessionStore.Open?
    /// Ends the session known by `secret`.
    func endSession(secret: String, at time: Date) async throws
}

/// The screens' accounts in PostgreSQL (`ScreenUserStore`, `TokenStore`, `ScreenSessionStore`).
public struct PostgresScreenAccounts: ScreenAccounts {
    private let database: PostgresClient
    private let logger: Logger

    public init(database: PostgresClient, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    public func credentials(username: String) async throws -> ScreenUserStore.Credentials? {
        try await database.session {
            try await ScreenUserStore.credentials(username: username, on: $0, logger: logger)
        }
    }

    public func principal(forToken secret: String, at time: Date) async throws -> Principal? {
        try await database.session {
            try await TokenStore.principal(for: secret, at: time, on: $0, logger: logger)
        }
    }

    public func openSession(
        secret: String, holder: ScreenSessionStore.Holder, formToken: String, at time: Date, expiresAt: Date
    ) async throws {
        try await database.session { connection in
            // Sessions that ended or expired a day ago go when a new one opens.
            _ = try await ScreenSessionStore.purge(
                before: time.addingTimeInterval(-86_400), on: connection, logger: logger)
            try await ScreenSessionStore.open(
                secret: secret, holder: holder, formToken: formToken, at: time, expiresAt: expiresAt, on: connection,
                logger: logger)
        }
    }

    public func session(secret: String, at time: Date) async throws -> ScreenSessionStore.Open? {
        try await database.session {
            try await ScreenSessionStore.session(secret: secret, at: time, on: $0, logger: logger)
        }
    }

    public func endSession(secret: String, at time: Date) async throws {
        try await database.session {
            try await ScreenSessionStore.end(secret: secret, at: time, on: $0, logger: logger)
        }
    }
}
