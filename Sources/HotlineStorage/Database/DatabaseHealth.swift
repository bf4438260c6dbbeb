public import Logging
public import PostgresNIO

/// Whether PostgreSQL answers, for the services' readiness checks.
public enum DatabaseHealth {
    /// True when a trivial query succeeds on a pooled connection.
    public static func isReachable(_ database: PostgresClient, logger: Logger) async -> Bool {
        (try? await database.query("SELECT 1", logger: logger)) != nil
    }
}
