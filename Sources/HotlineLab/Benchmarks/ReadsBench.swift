import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineServices
import HotlineStorage
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import PostgresNIO

/// The cost of the audit trail on `GET /tickets/{id}` through the running gateway: one ticket
/// read whole by an operator (every read recorded on the trail) and read masked by an analyst
/// (nothing recorded), in alternating rounds so that the machine's drifting speed touches both
/// sides alike; then the in-process cost of recording one read.
public struct ReadsBench {
    var seconds: Double
    var rounds: Int
    var concurrency: Int

    public init(seconds: Double, rounds: Int, concurrency: Int) {
        self.seconds = seconds
        self.rounds = rounds
        self.concurrency = concurrency
    }

    /// One side's reads over all rounds.
    private struct Side {
        var label: String
        var token: String
        var reads = 0
        var elapsed = 0.0
        var latencies: [Double] = []
    }

    public func run(settings: HotlineSettings) async throws {
        var logger = Logger(label: "hotline-lab.bench.reads")
        logger.logLevel = .warning
        let host = settings.httpHost
        let port = settings.httpPort(of: .intakeGateway)
        let group = MultiThreadedEventLoopGroup.singleton
        try await settings.database.withRunningClient(logger: logger) { database in
            var sides = [
                Side(label: "operator, whole, audited", token: try await Self.token(.operator, database, logger)),
                Side(label: "analyst, masked, no audit", token: try await Self.token(.analyst, database, logger)),
            ]
            let ticket = try await Self.someTicket(host: host, port: port, token: sides[0].token, group: group)
            print(
                "reads of GET /tickets/\(ticket): \(rounds) rounds of \(seconds) s per side, \(concurrency) connections"
            )
            for round in 0..<rounds {
                for index in round.isMultiple(of: 2) ? [0, 1] : [1, 0] {
                    let (latencies, elapsed) = try await measure(
                        "/tickets/\(ticket)", token: sides[index].token, host: host, port: port, group: group)
                    sides[index].latencies += latencies
                    sides[index].reads += latencies.count
                    sides[index].elapsed += elapsed
                }
            }
            for side in sides {
                let summary = LatencySummary(seconds: side.latencies)
                print(
                    "  " + side.label.padding(toLength: 28, withPad: " ", startingAt: 0)
                        + String(format: "%6.0f reads/s, ", Double(side.reads) / side.elapsed) + summary.line)
            }
            let audited = Double(sides[0].reads) / sides[0].elapsed
            let masked = Double(sides[1].reads) / sides[1].elapsed
            print(
                String(
                    format: "  whole and audited vs masked: %+.1f %% reads/s (the masked side also pays for masking)",
                    (audited / masked - 1) * 100))
            recordingCost(database: database, logger: logger)
        }
    }

    /// Latencies of the reads of `path` from `concurrency` connections for `seconds`, and the
    /// seconds they took.
    private func measure(
        _ path: String, token: String, host: String, port: Int, group: MultiThreadedEventLoopGroup
    ) async throws -> ([Double], Double) {
        let start = ContinuousClock.now
        let end = start + .seconds(seconds)
        let latencies = try await withThrowingTaskGroup(of: [Double].self) { tasks in
            for _ in 0..<concurrency {
                tasks.addTask {
                    try await HTTPConnection.session(host: host, port: port, group: group) { exchange in
                        var latencies: [Double] = []
                        while ContinuousClock.now < end {
                            let sent = ContinuousClock.now
                            let reply = try await exchange.send(
                                .GET, path, headers: [("Authorization", "Bearer \(token)")])
                            guard reply.status == 200 else { throw Refused(status: reply.status) }
                            latencies.append((ContinuousClock.now - sent).seconds)
                        }
                        return latencies
                    }
                }
            }
            return try await tasks.reduce(into: []) { $0 += $1 }
        }
        return (latencies, (ContinuousClock.now - start).seconds)
    }

    /// The time `AuditTrail.record` takes on the read path (a lock and an append), on one core.
    private func recordingCost(database: PostgresClient, logger: Logger) {
        let writer = AuditTrailWriter(database: database, clock: SystemClock(), logger: logger)
        let principal = Principal(tokenId: UUID(), name: "bench", role: .operator, unitCode: nil)
        let ticket = UUID()
        let count = 1_000_000
        let start = ContinuousClock.now
        for _ in 0..<count {
            writer.record(principal, read: ticket, purpose: "GET /tickets/{id}")
        }
        let perRecord = (ContinuousClock.now - start).seconds / Double(count)
        print(String(format: "  recording one read in process: %.0f ns (%d records)", perRecord * 1e9, count))
    }

    /// A token of `role` made for the benchmark.
    private static func token(_ role: Role, _ database: PostgresClient, _ logger: Logger) async throws -> String {
        try await database.session {
            try await TokenStore.create(
                name: "bench reads \(role.rawValue)", role: role, unitCode: nil, at: Date(), on: $0, logger: logger
            ).secret
        }
    }

    /// The id of the newest ticket, through the API.
    private static func someTicket(
        host: String, port: Int, token: String, group: MultiThreadedEventLoopGroup
    ) async throws -> String {
        let reply = try await HTTPConnection.session(host: host, port: port, group: group) { exchange in
            try await exchange.send(.GET, "/tickets?limit=1", headers: [("Authorization", "Bearer \(token)")])
        }
        struct Listing: Decodable {
            struct Item: Decodable { var id: String }
            var items: [Item]
        }
        guard let id = try JSONDecoder().decode(Listing.self, from: Data(reply.body.readableBytesView)).items.first?.id
        else {
            throw NoTicket()
        }
        return id
    }

    /// The gateway answered a read with another status than 200.
    struct Refused: Error {
        var status: Int
    }

    /// The gateway has no ticket to read.
    struct NoTicket: Error {}
}
