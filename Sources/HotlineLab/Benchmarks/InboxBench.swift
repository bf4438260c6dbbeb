import Foundation
import HotlineDomain
import HotlineGateway
import HotlineRuntime
import HotlineServices
import HotlineStorage
import Logging
import NIOHTTP1
import NIOPosix
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// The unit inbox on a scratch database: how many items per second `EventRecorder.record`
/// writes (in batched transactions), and the live stream's fan-out: a gateway in this process
/// with `clients` SSE connections following one unit, and the time from each commit that adds
/// an item to its arrival at every client.
public struct InboxBench: Sendable {
    var clients: Int
    var commits: Int
    var items: Int
    var batch: Int
    var port: Int

    public init(clients: Int, commits: Int, items: Int, batch: Int, port: Int) {
        self.clients = clients
        self.commits = commits
        self.items = items
        self.batch = batch
        self.port = port
    }

    /// The followed unit (望京街道).
    static let unit = "110105026"

    public func run(settings: HotlineSettings) async throws {
        var logger = Logger(label: "hotline-lab.bench.inbox")
        logger.logLevel = .warning
        try await BenchDatabase.with(settings: settings, logger: logger) { database in
            try await database.transaction(logger: logger) { [logger] in
                try await ReferenceStore.replace(
                    with: try ReferenceData(schemaDirectory: settings.schemaDirectory), on: $0, logger: logger)
            }
            let tickets = try await InboxBenchFixtures.tickets(
                100, of: Self.unit, prefix: "INBOX", on: database, logger: logger)
            let written = try await writeRate(tickets: tickets, database: database, logger: logger)
            print(
                String(
                    format:
                        "inbox items written: %.0f items/s (%d items, %d per transaction, through EventRecorder.record)",
                    written, items, batch))
            let latencies = try await fanOut(tickets: tickets, settings: settings, database: database, logger: logger)
            print(
                "inbox SSE fan-out to \(clients) clients, \(commits) commits of one item each: cause to delivery "
                    + LatencySummary(seconds: latencies).line)
        }
    }

    /// Items per second written by recording dispatches `batch` per transaction.
    private func writeRate(tickets: [UUID], database: PostgresClient, logger: Logger) async throws -> Double {
        let start = ContinuousClock.now
        var written = 0
        while written < items {
            let count = min(batch, items - written)
            try await database.transaction(logger: logger) { [written] connection in
                for index in 0..<count {
                    try await record(ticket: tickets[(written + index) % tickets.count], on: connection, logger: logger)
                }
            }
            written += count
        }
        return Double(written) / (ContinuousClock.now - start).seconds
    }

    /// Seconds from each commit to each client's receipt of its item.
    private func fanOut(
        tickets: [UUID], settings: HotlineSettings, database: PostgresClient, logger: Logger
    ) async throws -> [Double] {
        var environment = ProcessInfo.processInfo.environment
        environment[HotlineVariable.pgDatabase.name] = BenchDatabase.name
        environment[HotlineServiceKind.intakeGateway.portVariable.name] = String(port)
        environment[HotlineVariable.logLevel.name] = "error"
        // One token opens every client's stream: the per-token rate limit would refuse most of them.
        environment[HotlineVariable.rateLimitPerSecond.name] = "0"
        let gatewaySettings = HotlineSettings(environment: environment)
        let token = try await database.session {
            try await TokenStore.create(
                name: "bench inbox", role: .handler, unitCode: Self.unit, at: Date(), on: $0, logger: logger
            ).secret
        }
        let gateway = try ServiceRuntime.makeApplication(
            .intakeGateway, settings: gatewaySettings, clock: SystemClock(), logger: logger
        ) { try IntakeGateway.parts($0) }
        let services = ServiceGroup(
            configuration: .init(services: [.init(service: gateway)], logger: logger))
        let running = Task { try await services.run() }
        defer { running.cancel() }
        let host = gatewaySettings.httpHost
        try await waitUntilUp(host: host)

        let receipts = Receipts()
        var connections: [ServerSentEventConnection] = []
        for _ in 0..<clients {
            let connection = try await ServerSentEventConnection.open(
                host: host, port: port, path: "/units/\(Self.unit)/inbox/stream",
                headers: [("Authorization", "Bearer \(token)")]
            ) { event in receipts.add(event, at: .now) }
            guard connection.status == 200 else { throw Refused(status: connection.status) }
            connections.append(connection)
        }
        var committed: [Int64: ContinuousClock.Instant] = [:]
        for index in 0..<commits {
            let transaction = try await database.transaction(logger: logger) { connection in
                let transaction = try await InboxBenchFixtures.transaction(on: connection, logger: logger)
                try await record(ticket: tickets[index % tickets.count], on: connection, logger: logger)
                return transaction
            }
            committed[transaction] = .now
            try await Task.sleep(for: .milliseconds(50))
        }
        let expected = clients * commits
        let deadline = ContinuousClock.now + .seconds(60)
        while receipts.count < expected && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        for connection in connections { await connection.close() }
        await services.triggerGracefulShutdown()
        try await running.value
        let received = receipts.all
        if received.count < expected {
            print("  only \(received.count) of \(expected) deliveries arrived within 60 s")
        }
        return received.compactMap { transaction, instant in committed[transaction].map { (instant - $0).seconds } }
    }

    /// Records a dispatch of `ticket` to the followed unit (one inbox item) in the caller's transaction.
    private func record(ticket: UUID, on connection: PostgresConnection, logger: Logger) async throws {
        let event = EventStamp(producer: "hotline-lab").event(
            about: ticket, TicketDispatched(unitCode: Self.unit, urgency: .general, reason: "bench"), at: Date())
        try await EventRecorder.record(event, trace: nil, on: connection, logger: logger)
    }

    /// Waits until the gateway answers `GET /healthz`.
    private func waitUntilUp(host: String) async throws {
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            let status = try? await HTTPConnection.session(
                host: host, port: port, group: .singleton
            ) { try await $0.send(.GET, "/healthz").status }
            if status == 200 { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw Refused(status: 0)
    }

    /// Arrivals of items at the clients: the transaction that wrote each, and when it arrived.
    private final class Receipts: Sendable {
        private let arrivals = Mutex<[(Int64, ContinuousClock.Instant)]>([])

        func add(_ event: ServerSentEvent, at instant: ContinuousClock.Instant) {
            guard let position = event.id.flatMap(InboxPosition.init) else { return }
            arrivals.withLock { $0.append((position.transaction, instant)) }
        }

        var count: Int { arrivals.withLock { $0.count } }
        var all: [(Int64, ContinuousClock.Instant)] { arrivals.withLock { $0 } }
    }

    /// The gateway refused a stream (or never came up: status 0).
    struct Refused: Error {
        var status: Int
    }
}
