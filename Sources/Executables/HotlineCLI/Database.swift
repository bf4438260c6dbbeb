import HotlineStorage
import HotlineRuntime
import Logging
import PostgresNIO

/// Runs `work` with a connected pool for the configured database, then shuts the pool down.
func withDatabase<T: Sendable>(_ settings: HotlineSettings, logger: Logger, _ work: (PostgresClient) async throws -> T) async throws -> T {
    try await settings.database.withRunningClient(logger: logger, work)
}
