package import Logging
package import PostgresNIO

/// What PostgreSQL executed for the current database during a measurement, read from
/// `pg_stat_statements` (loaded by `scripts/lib/postgres.sh`). Statements whose text starts
/// with the comment `/* bench */` are the benchmark's own and are left out.
package struct StatementProfile: Sendable, Codable {
    /// One normalised statement.
    package struct Statement: Sendable, Codable {
        /// The statement's text with its constants replaced by placeholders, shortened.
        package var text: String
        package var calls: Int
        /// Milliseconds spent executing it, all calls together.
        package var executionMilliseconds: Double
        /// Milliseconds spent planning it, all calls together.
        package var planningMilliseconds: Double
    }

    /// Calls of every statement but the benchmark's.
    package var calls: Int
    package var executionMilliseconds: Double
    package var planningMilliseconds: Double
    /// The statements that took the most execution time, most first.
    package var top: [Statement]

    /// Empties the statistics; false when `pg_stat_statements` is not loaded in this server.
    package static func reset(on client: PostgresClient, logger: Logger) async throws -> Bool {
        let loaded = try await client.query(
            "/* bench */ SELECT count(*)::int FROM pg_settings WHERE name = 'shared_preload_libraries' AND setting LIKE '%pg_stat_statements%'",
            logger: logger)
        var isLoaded = false
        for try await count in loaded.decode(Int.self) { isLoaded = count > 0 }
        guard isLoaded else { return false }
        try await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", logger: logger)
        try await client.query("/* bench */ SELECT pg_stat_statements_reset()", logger: logger)
        return true
    }

    /// The statistics since the last `reset`, with the `top` statements by execution time.
    package static func read(top: Int, on client: PostgresClient, logger: Logger) async throws -> StatementProfile {
        let rows = try await client.query(
            """
            /* bench */ SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 160), calls::int,
                   total_exec_time::float8, total_plan_time::float8
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND query NOT LIKE '/* bench */%' AND query NOT LIKE 'CREATE EXTENSION%'
            ORDER BY total_exec_time DESC
            """, logger: logger)
        var statements: [Statement] = []
        for try await (text, calls, execution, planning) in rows.decode((String, Int, Double, Double).self) {
            statements.append(
                Statement(text: text, calls: calls, executionMilliseconds: execution, planningMilliseconds: planning))
        }
        return StatementProfile(
            calls: statements.map(\.calls).reduce(0, +),
            executionMilliseconds: statements.map(\.executionMilliseconds).reduce(0, +),
            planningMilliseconds: statements.map(\.planningMilliseconds).reduce(0, +),
            top: Array(statements.prefix(top)))
    }
}
