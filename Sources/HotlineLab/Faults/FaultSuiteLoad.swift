import Foundation
import HotlineRuntime
import HotlineStorage
import Logging
import NIOPosix

/// The fault suite's load: tickets at a fixed rate through the gateway's API, re-sent through
/// outages until answered, with the id of every ticket the gateway accepted written to a file.
package struct FaultSuiteLoad: Sendable {
    /// Tickets per second offered.
    package var rate: Double
    /// Seconds of load.
    package var seconds: Double
    /// Connections.
    package var concurrency: Int
    /// The file the accepted ticket ids are written to, one per line.
    package var acceptedFile: URL

    /// A load with every choice spelled out.
    package init(rate: Double, seconds: Double, concurrency: Int, acceptedFile: URL) {
        self.rate = rate
        self.seconds = seconds
        self.concurrency = concurrency
        self.acceptedFile = acceptedFile
    }

    /// Runs the load against the cluster `settings` describe, writes the accepted ids and
    /// prints the tally; returns how many requests the gateway rejected.
    package func run(settings: HotlineSettings) async throws -> Int {
        let logger = Observability.logger(for: "hotline-load", level: .error)
        let load = try await settings.database.withRunningClient(logger: logger) { database in
            try await TicketLoad.prepare(
                settings: settings, database: database, tokenName: "load", concurrency: concurrency,
                runId: TicketLoad.faultSuiteKeyPrefix + UUID().uuidString.prefix(8).lowercased(), seed: 11,
                logger: logger)
        }
        let outcome = try await load.run(.fixedRate(perSecond: rate, count: Int(rate * seconds)), group: .singleton)
        try outcome.accepted.map(\.uuidString).joined(separator: "\n").appending("\n")
            .write(to: acceptedFile, atomically: true, encoding: .utf8)
        print(
            "load: \(outcome.accepted.count) accepted, \(outcome.rejected) rejected, \(outcome.retries) sent again after an outage"
        )
        for rejection in outcome.rejections { print("load: rejected: \(rejection)") }
        return outcome.rejected
    }
}
