import HotlineStorage
import HotlineRuntime
import Logging
import PostgresNIO

/// Runs `work` with a connected pool, then shuts the pool down.
func withDatabase<T: Sendable>(_ settings: HotlineSettings, logger: Logger, _ work: @Sendable @escaping (PostgresClient) async throws -> T) async throws -> T {
    let client = settings.database.makeClient(logger: logger)
    return try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask {
            await client.run()
            return nil
        }
        defer { group.cancelAll() }
        return try await work(client)
    }
}
