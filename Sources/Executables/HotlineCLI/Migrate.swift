import ArgumentParser
import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineStorage
import Logging
import PostgresNIO

/// `hotline migrate`: applies the pending migrations of `Schemas/migrations`, then loads the
/// reference data of `Schemas/` (catalog, divisions, urgency cues, knowledge base), with the
/// city's own communities when `hotline org load-communities` loaded a list.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply pending database migrations, each once, in order; then load the reference data from Schemas/.")

    @Flag(help: "Print nothing when there is nothing to apply.") var quiet = false

    func run() async throws {
        let settings = HotlineSettings()
        let logger = Observability.logger(for: "hotline", level: .warning)
        let directory = settings.schemaDirectory.appendingPathComponent("migrations")
        let (applied, reference) = try await withDatabase(settings, logger: logger) { client in
            let applied = try await Migrator(client: client, directory: directory, logger: logger).migrate()
            let reference = try await client.transaction(logger: logger) { connection in
                let communities = try await CommunityListStore.loaded(on: connection, logger: logger)
                let reference = try ReferenceData(
                    schemaDirectory: settings.schemaDirectory, communities: communities?.content)
                try await ReferenceStore.replace(with: reference, on: connection, logger: logger)
                return reference
            }
            return (applied, reference)
        }
        if !applied.isEmpty || !quiet {
            print(
                applied.isEmpty
                    ? "database is up to date"
                    : "applied migrations \(applied.map(String.init).joined(separator: ", "))")
            let count = reference.catalog.count
            print(
                "reference data: catalog \(count.level1)/\(count.level2)/\(count.level3) entries, \(reference.divisions.count) divisions, "
                    + "\(reference.communities.count) communities, \(reference.cues.phrases.count) urgency cues, "
                    + "\(reference.knowledge.count) knowledge articles")
        }
    }
}
