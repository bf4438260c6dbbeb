package import Logging
package import PostgresNIO

/// Databases created and dropped by name on a PostgreSQL server: the benchmarks' scratch
/// database and the integration tests' database per test.
package enum ScratchDatabase {
    /// A name that is not a plain lower-case PostgreSQL identifier, refused before any SQL is sent.
    package struct InvalidName: Error, CustomStringConvertible {
        /// The refused name.
        package var name: String

        package var description: String {
            "'\(name)' is not a database name of lower-case letters, digits and underscores (at most 63)"
        }
    }

    /// Creates the database `name` on the server `client` is connected to; fails when it exists.
    package static func create(_ name: String, on client: PostgresClient, logger: Logger) async throws {
        try await execute(.create, database: name, on: client, logger: logger)
    }

    /// Drops the database `name` if it exists, ending its sessions first.
    package static func drop(_ name: String, on client: PostgresClient, logger: Logger) async throws {
        try await execute(.drop, database: name, on: client, logger: logger)
    }

    private enum Statement {
        case create, drop
    }

    /// The one place SQL is built from text: a database's name is an identifier, and PostgreSQL
    /// binds only values as parameters, never identifiers. The name is checked to be a plain
    /// lower-case identifier first, so it can neither close the quotes nor add a statement.
    private static func execute(
        _ statement: Statement, database name: String, on client: PostgresClient, logger: Logger
    ) async throws {
        guard name.wholeMatch(of: #/[a-z_][a-z0-9_]{0,62}/#) != nil else { throw InvalidName(name: name) }
        let sql =
            switch statement {
            case .create: #"CREATE DATABASE "\#(name)""#
            case .drop: #"DROP DATABASE IF EXISTS "\#(name)" WITH (FORCE)"#
            }
        try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger)
    }
}
