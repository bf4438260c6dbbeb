import ArgumentParser
import Foundation
import HotlineRuntime
import Logging
import NIOPosix

/// `hotline load`: steady ticket load through the gateway's API (the fault suite's load),
/// writing the id of every ticket the gateway accepted.
struct Load: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send tickets at a fixed rate through the gateway, retrying through outages; write the accepted ids.")

    @Option(help: "Tickets per second offered.") var rate = 50.0
    @Option(help: "Seconds of load.") var seconds = 60.0
    @Option(help: "Connections.") var concurrency = 16
    @Option(help: "File to write the accepted ticket ids to, one per line.") var acceptedFile: String

    func run() async throws {
        let settings = HotlineSettings()
        let logger = Observability.logger(for: "hotline-load", level: .error)
        let load = try await withDatabase(settings, logger: logger) { database in
            try await TicketLoad.prepare(
                settings: settings, database: database, tokenName: "load", concurrency: concurrency,
                runId: "load-\(UUID().uuidString.prefix(8).lowercased())", seed: 11, logger: logger)
        }
        let outcome = try await load.run(.fixedRate(perSecond: rate, count: Int(rate * seconds)), group: .singleton)
        try outcome.accepted.map(\.uuidString).joined(separator: "\n").appending("\n")
            .write(toFile: acceptedFile, atomically: true, encoding: .utf8)
        print(
            "load: \(outcome.accepted.count) accepted, \(outcome.rejected) rejected, \(outcome.retries) sent again after an outage"
        )
        if outcome.rejected > 0 { throw ExitCode(3) }
    }
}
