import Foundation
public import Logging
public import PostgresNIO

/// Applies the SQL files of `Schemas/migrations/` in order, each once, each in its own
/// transaction, and records them in `schema_migrations`; then masks the personal data of
/// tickets recorded before the masked columns existed (`PersonalDataBackfill`). Several migrators may run at once:
/// an advisory lock serializes them.
public struct Migrator: Sendable {
    /// A migration file: `NNNN_name.sql`.
    public struct Migration: Sendable, Equatable {
        public var version: Int
        public var name: String
        public var sql: String
    }

    private let client: PostgresClient
    private let migrations: [Migration]
    private let logger: Logger

    /// Arbitrary, fixed: the advisory lock id that serializes migrators.
    fileprivate static let lockId: Int64 = 12_345_0001

    public init(client: PostgresClient, directory: URL, logger: Logger) throws {
        self.client = client
        self.migrations = try Self.load(from: directory)
        self.logger = logger
    }

    /// The migrations in `directory`, sorted by version; fails on a malformed or duplicate name.
    public static func load(from directory: URL) throws -> [Migration] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sql") }
        let migrations = try names.map { name in
            let stem = name.dropLast(4)
            guard let separator = stem.firstIndex(of: "_"), let version = Int(stem[..<separator]) else {
                throw MigrationError(message: "migration file \(name) is not named NNNN_name.sql")
            }
            let sql = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            return Migration(version: version, name: String(stem[stem.index(after: separator)...]), sql: sql)
        }.sorted { $0.version < $1.version }
        for (previous, next) in zip(migrations, migrations.dropFirst()) where previous.version == next.version {
            throw MigrationError(message: "two migrations have version \(next.version)")
        }
        return migrations
    }

    /// Applies what is not applied yet; returns the versions applied now.
    @discardableResult
    public func migrate() async throws -> [Int] {
        try await ensureMigrationTable()
        var applied: [Int] = []
        for migration in migrations {
            let didApply = try await client.transaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(Self.lockId))", logger: logger)
                let rows = try await connection.query(
                    "SELECT 1 FROM schema_migrations WHERE version = \(migration.version)", logger: logger)
                for try await _ in rows { return false }
                for statement in SQLScript.statements(in: migration.sql) {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
                    logger: logger)
                return true
            }
            if didApply {
                logger.info(
                    "applied migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
                applied.append(migration.version)
            }
        }
        if migrations.contains(where: { $0.version == PersonalDataBackfill.migrationVersion }) {
            try await PersonalDataBackfill.run(client: client, logger: logger)
        }
        return applied
    }

    /// Versions known on disk but not applied in the database.
    public func pending() async throws -> [Int] {
        try await ensureMigrationTable()
        let rows = try await client.query(
            "SELECT version FROM schema_migrations", logger: logger)
        var done = Set<Int>()
        for try await version in rows.decode(Int.self) { done.insert(version) }
        return migrations.map(\.version).filter { !done.contains($0) }
    }
}

extension Migrator {
    /// Creates `schema_migrations` if needed, under the lock: concurrent `CREATE TABLE IF NOT
    /// EXISTS` statements can otherwise collide.
    private func ensureMigrationTable() async throws {
        try await client.transaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.lockId))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
        }
    }
}

/// A migration could not be read or applied.
public struct MigrationError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
