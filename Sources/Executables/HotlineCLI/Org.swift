import ArgumentParser
import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineStorage
import Logging

/// `hotline org load-communities FILE`: the city's own communities and villages.
struct Org: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The organisation below the townships: load the city's own communities and villages.",
        subcommands: [LoadCommunities.self])

    struct LoadCommunities: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "load-communities",
            abstract:
                "Replace the communities and villages (社区/村) with a CSV file of code,township_code,name; every township_code must be a township of Schemas/places/divisions.csv. Kept in the database: later migrations load it again instead of the generated list."
        )

        @Argument(help: "The CSV file.") var file: String

        func run() async throws {
            let settings = HotlineSettings()
            let content = try String(contentsOf: URL(fileURLWithPath: file), encoding: .utf8)
            let reference: ReferenceData
            do {
                reference = try ReferenceData(schemaDirectory: settings.schemaDirectory, communities: content)
            } catch {
                throw ValidationError("\(file): \(error)")
            }
            let name = URL(fileURLWithPath: file).lastPathComponent
            try await withAdminTransaction { connection, logger in
                try await CommunityListStore.keep(
                    fileName: name, content: content, at: Date(), on: connection, logger: logger)
                try await ReferenceStore.replace(with: reference, on: connection, logger: logger)
            }
            let townships = Set(reference.communities.map(\.townshipCode)).count
            print(
                "loaded \(reference.communities.count) communities and villages of \(townships) townships from \(file)")
        }
    }
}
