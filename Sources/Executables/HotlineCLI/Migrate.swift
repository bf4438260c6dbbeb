import Foundation
import Logging
import ArgumentParser
import HotlineRuntime
import HotlineStorage

/// `hotline migrate`: applies the pending migrations of `Schemas/migrations`.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations, each once, in order.")

    @Flag(help: "Print nothing when there is nothing to apply.") var quiet = false

    func run() async throws {
        let settings = HotlineSettings()
        let logger = Observability.logger(for: "hotline", level: .warning)
        let directory = settings.schemaDirectory.appendingPathComponent("migrations")
        let applied = try await withDatabase(settings, logger: logger) { client in
            try await Migrator(client: client, directory: directory, logger: logger).migrate()
        }
        if !applied.isEmpty || !quiet {
            print(applied.isEmpty ? "database is up to date" : "applied migrations \(applied.map(String.init).joined(separator: ", "))")
        }
    }
}
