import Foundation
import HotlineClassifier
import HotlineDomain
import HotlineRuntime
import HotlineStorage
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import PostgresNIO
import Synchronization

/// Pushes tickets through the gateway's public `POST /tickets`, either as fast as a fixed
/// number of connections allows (closed loop) or at a fixed offered rate (open loop).
///
/// Every ticket carries an `Idempotency-Key` made of the run and its index, so a request that
/// fails in flight (connection lost, 503 while PostgreSQL restarts) is sent again with the same
/// key until the gateway answers it: a retried ticket is created once.
struct TicketLoad: Sendable {
    let host: String
    let port: Int
    let token: String
    /// JSON objects without their closing brace; the caller's phone is appended per ticket.
    let templates: [String]
    let concurrency: Int
    /// Prefix of the idempotency keys, unique per run.
    var runId: String

    /// How the fault suite's load starts its runs' idempotency keys, so its checks can tell the
    /// load's tickets from others.
    static let faultSuiteKeyPrefix = "load-"

    /// When each ticket is sent.
    enum Pace: Sendable {
        /// As fast as `concurrency` connections go, until `seconds` have passed.
        case closedLoop(seconds: Double)
        /// Ticket `i` is due `i / perSecond` seconds after the start; `count` tickets in all.
        case fixedRate(perSecond: Double, count: Int)
    }

    /// What the run did.
    struct Outcome: Sendable {
        /// Ids of the tickets the gateway accepted with 201 (or 200 for a replayed key).
        var accepted: [UUID] = []
        /// Seconds from the last send of a request to its answer, per accepted ticket.
        var latencies: [Double] = []
        /// Requests answered with a status other than 2xx or 503 (not retried).
        var rejected = 0
        /// The first few of those answers (status and body), to say why.
        var rejections: [String] = []
        /// Requests sent again after a lost connection or a 503.
        var retries = 0
        var elapsedSeconds: Double = 0

        static let rejectionsKept = 3

        /// Counts a request the gateway answered with `status` and `body` and did not take.
        mutating func reject(_ status: Int, _ body: ByteBuffer) {
            rejected += 1
            if rejections.count < Self.rejectionsKept {
                rejections.append("\(status) \(String(buffer: body).prefix(300))")
            }
        }

        /// Adds another connection's outcome to this one.
        mutating func merge(_ other: Outcome) {
            accepted += other.accepted
            latencies += other.latencies
            rejected += other.rejected
            rejections = Array((rejections + other.rejections).prefix(Self.rejectionsKept))
            retries += other.retries
        }
    }

    /// A load on the configured gateway, with an operator token made for it and the simulated
    /// city's requests (`BenchTickets`) drawn with `seed`.
    static func prepare(
        settings: HotlineSettings, database: PostgresClient, tokenName: String, concurrency: Int, runId: String,
        seed: UInt64,
        logger: Logger
    ) async throws -> TicketLoad {
        let templates = try BenchTickets.templates(
            reference: try ReferenceData(schemaDirectory: settings.schemaDirectory),
            data: try ClassifierData(schemaDirectory: settings.schemaDirectory), timeZone: settings.timeZone,
            reviewThreshold: settings.intakePolicy.reviewThreshold, seed: seed)
        let token = try await database.session {
            try await TokenStore.create(
                name: tokenName, role: .operator, unitCode: nil, at: Date(), on: $0, logger: logger
            ).secret
        }
        return TicketLoad(
            host: settings.httpHost, port: settings.httpPort(of: .intakeGateway), token: token, templates: templates,
            concurrency: concurrency, runId: runId)
    }

    /// Sends the tickets at `pace` from `concurrency` connections.
    func run(_ pace: Pace, group: MultiThreadedEventLoopGroup) async throws -> Outcome {
        let start = ContinuousClock.now
        let schedule = Schedule(pace: pace, start: start)
        var total = try await withThrowingTaskGroup(of: Outcome.self) { tasks in
            for _ in 0..<concurrency {
                tasks.addTask { try await self.worker(schedule, group: group) }
            }
            var total = Outcome()
            for try await outcome in tasks { total.merge(outcome) }
            return total
        }
        total.elapsedSeconds = (ContinuousClock.now - start).seconds
        return total
    }

    /// Hands out ticket indexes, each once, at the moments they are due.
    private final class Schedule: Sendable {
        let pace: Pace
        let start: ContinuousClock.Instant
        private let next = Atomic<Int>(0)

        init(pace: Pace, start: ContinuousClock.Instant) {
            self.pace = pace
            self.start = start
        }

        /// The next ticket's index once it is due, or nil when the run is over.
        func take() async throws -> Int? {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            switch pace {
            case .closedLoop(let seconds):
                return ContinuousClock.now < start + .seconds(seconds) ? index : nil
            case .fixedRate(let perSecond, let count):
                guard index < count else { return nil }
                try await Task.sleep(until: start + .seconds(Double(index) / perSecond), clock: .continuous)
                return index
            }
        }
    }

    /// One connection's share of the run. A lost connection or a 503 sends the same ticket
    /// again on a new connection after a pause.
    private func worker(_ schedule: Schedule, group: MultiThreadedEventLoopGroup) async throws -> Outcome {
        var outcome = Outcome()
        guard var current = try await schedule.take() else { return outcome }
        var finished = false
        while true {
            do {
                try await HTTPConnection.session(host: host, port: port, group: group) { exchange in
                    while try await send(current, on: &exchange, into: &outcome) {
                        guard let following = try await schedule.take() else {
                            finished = true
                            return
                        }
                        current = following
                    }
                }
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                // Refused, reset or closed: the ticket goes again on a new connection.
            }
            if finished { return outcome }
            outcome.retries += 1
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    /// Sends ticket `index`; false when the gateway answered 503 and it must be sent again.
    private func send(
        _ index: Int, on exchange: inout HTTPConnection.Exchange, into outcome: inout Outcome
    ) async throws -> Bool {
        let phone = String(format: "139%08d", index % 100_000_000)
        let body = ByteBuffer(string: templates[index % templates.count] + #","caller_phone":"\#(phone)"}"#)
        let sent = ContinuousClock.now
        let reply = try await exchange.send(
            .POST, "/tickets",
            headers: [("Authorization", "Bearer \(token)"), ("Idempotency-Key", "\(runId)-\(index)")], body: body)
        switch reply.status {
        case 503:
            return false
        case 200, 201:
            if let id = Self.id(in: reply.body) {
                outcome.accepted.append(id)
                outcome.latencies.append((ContinuousClock.now - sent).seconds)
                return true
            }
            outcome.reject(reply.status, reply.body)
        default:
            outcome.reject(reply.status, reply.body)
        }
        return true
    }

    private struct Created: Decodable { var id: UUID }

    private static func id(in body: ByteBuffer) -> UUID? {
        try? JSONDecoder().decode(Created.self, from: Data(body.readableBytesView)).id
    }
}
