import HotlineRuntime
import HotlineStorage
import Logging
import PostgresNIO

/// Runs `work` with a connected pool for the configured database, then shuts the pool down.
func withDatabase<T: Sendable>(
    _ settings: HotlineSettings, logger: Logger, _ work: (PostgresClient) async throws -> T
) async throws -> T {
    try await settings.database.withRunningClient(logger: logger, work)
}

/// Runs `work` on one connection to the configured database, with a logger for warnings only.
func withAdminConnection<T: Sendable>(
    _ work: @escaping @Sendable (PostgresConnection, Logger) async throws -> T
) async throws -> T {
    let logger = Observability.logger(for: "hotline", level: .warning)
    // The pool warns when a lease races its own start-up, which is harmless here.
    return try await withDatabase(HotlineSettings(), logger: Observability.logger(for: "hotline", level: .error)) {
        client in
        try await client.session { try await work($0, logger) }
    }
}

/// Runs `work` in one transaction on the configured database.
func withAdminTransaction<T: Sendable>(
    _ work: @escaping @Sendable (PostgresConnection, Logger) async throws -> T
) async throws -> T {
    let logger = Observability.logger(for: "hotline", level: .warning)
    return try await withDatabase(HotlineSettings(), logger: Observability.logger(for: "hotline", level: .error)) {
        client in
        try await client.transaction(logger: logger) { try await work($0, logger) }
    }
}
