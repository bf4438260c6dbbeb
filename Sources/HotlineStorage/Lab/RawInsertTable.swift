package import Foundation
package import Logging
package import PostgresNIO

/// `bench_raw_rows`, a table shaped like the outbox with no index but its key, for measuring
/// how fast PostgreSQL inserts rows with no business logic in the way.
package enum RawInsertTable {
    /// Creates the table unless it exists.
    package static func create(on client: PostgresClient, logger: Logger) async throws {
        try await client.query(
            """
            CREATE TABLE IF NOT EXISTS bench_raw_rows (id uuid PRIMARY KEY, number text NOT NULL, body jsonb NOT NULL,
                created_at timestamptz NOT NULL)
            """, logger: logger)
    }

    /// Drops the table.
    package static func drop(on client: PostgresClient, logger: Logger) async throws {
        try await client.query("DROP TABLE bench_raw_rows", logger: logger)
    }

    /// Inserts one row, in a transaction of its own.
    package static func insert(
        id: UUID, number: String, body: String, on connection: PostgresConnection, logger: Logger
    ) async throws {
        try await connection.query(
            "INSERT INTO bench_raw_rows VALUES (\(id), \(number), \(body)::jsonb, now())", logger: logger)
    }

    /// Inserts one row per id, all in one statement.
    package static func insert(
        ids: [UUID], numbers: [String], bodies: [String], on client: PostgresClient, logger: Logger
    ) async throws {
        try await client.query(
            """
            INSERT INTO bench_raw_rows SELECT id, number, body::jsonb, now()
            FROM unnest(\(ids)::uuid[], \(numbers)::text[], \(bodies)::text[]) AS r(id, number, body)
            """, logger: logger)
    }
}
