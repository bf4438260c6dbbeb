import Foundation
import HotlineRuntime
import HotlineStorage
import Logging
import PostgresNIO

/// The benchmarks' scratch database `hotline_bench` on the configured PostgreSQL server.
enum BenchDatabase {
    /// The scratch database's name.
    static let name = "hotline_bench"

    /// Runs `work` on a freshly migrated scratch database (dropped before and after).
    static func with(
        settings: HotlineSettings, logger: Logger, _ work: (PostgresClient) async throws -> Void
    ) async throws {
        let server = settings.database.with(database: "postgres")
        try await server.withRunningClient(logger: logger) { admin in
            try await ScratchDatabase.drop(name, on: admin, logger: logger)
            try await ScratchDatabase.create(name, on: admin, logger: logger)
        }
        try await settings.database.with(database: name).withRunningClient(logger: logger) { client in
            try await Migrator(
                client: client, directory: settings.schemaDirectory.appendingPathComponent("migrations"),
                logger: logger
            )
            .migrate()
            try await work(client)
        }
        try await server.withRunningClient(logger: logger) { admin in
            try await ScratchDatabase.drop(name, on: admin, logger: logger)
        }
    }
}
