import Foundation
import HotlineStorage
import Logging
import PostgresNIO
import Testing

/// A fresh, migrated database on the real local PostgreSQL, one per test, dropped afterwards.
enum TestDatabase {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var migrations: URL { repositoryRoot.appendingPathComponent("Schemas/migrations") }

    static var server: DatabaseConfiguration {
        DatabaseConfiguration(
            host: TestEnvironment.value("HOTLINE_PG_HOST", default: "127.0.0.1"),
            port: Int(TestEnvironment.value("HOTLINE_PG_PORT", default: "55432"))!,
            username: TestEnvironment.value("HOTLINE_PG_USER", default: "hotline"),
            password: TestEnvironment.value("HOTLINE_PG_PASSWORD", default: "hotline"),
            database: "postgres")
    }

    /// Runs `body` with a running pool on a new database (migrated unless `migrated` is false).
    static func with<T: Sendable>(
        migrated: Bool = true, _ body: @Sendable (PostgresClient, DatabaseConfiguration) async throws -> T
    ) async throws -> T {
        let name = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        try await withClient(server) { admin in
            // Suites create databases in parallel; a creation that loses a race is retried.
            var attempt = 0
            while true {
                do {
                    try await ScratchDatabase.create(name, on: admin, logger: TestEnvironment.logger)
                    return
                } catch let error as PSQLError where attempt < 4 && error.serverInfo?[.sqlState] != "42P04" {
                    attempt += 1
                    try await Task.sleep(for: .milliseconds(200 * attempt))
                }
            }
        }
        let configuration = server.with(database: String(name))
        let result = try await withClient(configuration) { client in
            if migrated {
                try await Migrator(client: client, directory: migrations, logger: TestEnvironment.logger).migrate()
            }
            return try await body(client, configuration)
        }
        try await withClient(server) { admin in
            try await ScratchDatabase.drop(name, on: admin, logger: TestEnvironment.logger)
        }
        return result
    }

    /// Runs `body` with a running pool for `configuration`.
    @discardableResult
    static func withClient<T: Sendable>(
        _ configuration: DatabaseConfiguration, _ body: @Sendable (PostgresClient) async throws -> T
    ) async throws -> T {
        // The pool warns when a lease races its own start-up; that is expected here.
        var quiet = TestEnvironment.logger
        quiet.logLevel = .error
        return try await configuration.withRunningClient(logger: quiet, body)
    }

    /// The single integer a query returns.
    static func count(_ query: PostgresQuery, on client: PostgresClient) async throws -> Int {
        for try await value in try await client.query(query, logger: TestEnvironment.logger).decode(Int.self) {
            return value
        }
        throw TimedOut(description: "query returned no row")
    }

    /// The counts a query returns as (key, count) rows, by key.
    static func counts(_ query: PostgresQuery, on client: PostgresClient) async throws -> [String: Int] {
        let rows = try await client.query(query, logger: TestEnvironment.logger).decode((String, Int).self)
        return try await rows.reduce(into: [:]) { $0[$1.0] = $1.1 }
    }
}
