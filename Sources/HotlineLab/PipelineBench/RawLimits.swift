import Foundation
import HotlineKafka
import HotlineRuntime
import HotlineStorage
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import PostgresNIO

/// The machine's raw limits with the pipeline's own message and row sizes: what the broker,
/// PostgreSQL and the HTTP server can do with no business logic in the way.
struct RawLimits: Sendable, Codable {
    /// Messages per second produced (acknowledged) and then consumed by a group.
    var brokerProduceConsumePerSecond: Double
    var brokerProducePerSecond: Double
    var brokerConsumePerSecond: Double
    /// Rows per second, one committed transaction per row, from `connections` connections.
    var postgresSingleRowInsertsPerSecond: Double
    /// Rows per second in transactions of 500 rows.
    var postgresBatchedInsertsPerSecond: Double
    /// `GET /healthz` answers per second over keep-alive connections.
    var httpNoWorkRequestsPerSecond: Double

    /// The slowest path a ticket must cross: one single-row transaction at the gateway, the
    /// broker, and the HTTP request.
    var slowest: (name: String, perSecond: Double) {
        [
            ("PostgreSQL single-row inserts", postgresSingleRowInsertsPerSecond),
            ("broker produce+consume", brokerProduceConsumePerSecond),
            ("HTTP no-work requests", httpNoWorkRequestsPerSecond),
        ].min { $0.1 < $1.1 }!
    }

    /// Measures the raw limits against a broker, a database and the gateway's HTTP server.
    struct Probe {
        let kafka: KafkaClientConfiguration
        let database: PostgresClient
        let gatewayHost: String
        let gatewayPort: Int
        let group: MultiThreadedEventLoopGroup
        /// A message as large as a real `ticket.received` event.
        let message: [UInt8]
        let connections: Int
        let seconds: Double
        let logger: Logger

        /// Measures each limit in turn.
        func measure() async throws -> RawLimits {
            let broker = try await brokerRates(count: 100_000)
            return RawLimits(
                brokerProduceConsumePerSecond: broker.both, brokerProducePerSecond: broker.produce,
                brokerConsumePerSecond: broker.consume,
                postgresSingleRowInsertsPerSecond: try await singleRowInserts(),
                postgresBatchedInsertsPerSecond: try await batchedInserts(),
                httpNoWorkRequestsPerSecond: try await httpNoWork())
        }

        private func brokerRates(count: Int) async throws -> (produce: Double, consume: Double, both: Double) {
            let topic = "bench.raw.\(UUID().uuidString.prefix(8).lowercased())"
            try await KafkaAdmin(client: kafka).createTopics([KafkaTopicSpecification(name: topic, partitions: 6)])
            let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(client: kafka), logger: logger)
            let started = ContinuousClock.now
            // Batches of the relay's size, several in flight, as the services' relays send.
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                for lane in 0..<4 {
                    tasks.addTask {
                        for first in stride(from: lane * 500, to: count, by: 2_000) {
                            let messages = (first..<min(first + 500, count)).map {
                                KafkaOutgoingMessage(topic: topic, key: Array("ticket-\($0)".utf8), value: message)
                            }
                            try await producer.send(messages)
                        }
                    }
                }
                try await tasks.waitForAll()
            }
            let produced = ContinuousClock.now
            await producer.close()
            let consumer = try KafkaConsumer(
                configuration: KafkaConsumerConfiguration(
                    client: kafka, groupId: "bench-raw-\(UUID().uuidString.prefix(8))", topics: [topic]),
                logger: logger)
            var received = 0
            let deadline = ContinuousClock.now + .seconds(120)
            var consumeStarted: ContinuousClock.Instant?
            while received < count && ContinuousClock.now < deadline {
                let batch = try await consumer.poll(maxMessages: 1_000, timeout: .milliseconds(200))
                if !batch.isEmpty && consumeStarted == nil { consumeStarted = ContinuousClock.now }
                received += batch.count
            }
            let consumed = ContinuousClock.now
            await consumer.close()
            let produceSeconds = (produced - started).seconds
            let consumeSeconds = (consumed - (consumeStarted ?? produced)).seconds
            return (
                Double(count) / produceSeconds, Double(received) / consumeSeconds,
                Double(received) / (consumed - started).seconds
            )
        }

        private func withScratchTable<T>(_ work: () async throws -> T) async throws -> T {
            try await RawInsertTable.create(on: database, logger: logger)
            let result = try await work()
            try await RawInsertTable.drop(on: database, logger: logger)
            return result
        }

        private var body: String { String(decoding: message, as: UTF8.self) }

        /// Operations per second of `lanes` loops run at once for `seconds`; each loop gets the
        /// deadline and returns how many operations it did.
        private func rate(
            lanes: Int, _ loop: @escaping @Sendable (ContinuousClock.Instant) async throws -> Int
        ) async throws -> Double {
            let end = ContinuousClock.now + .seconds(seconds)
            let started = ContinuousClock.now
            let operations = try await withThrowingTaskGroup(of: Int.self) { tasks in
                for _ in 0..<lanes {
                    tasks.addTask { try await loop(end) }
                }
                return try await tasks.reduce(0, +)
            }
            return Double(operations) / (ContinuousClock.now - started).seconds
        }

        private func singleRowInserts() async throws -> Double {
            try await withScratchTable {
                let (body, database, logger) = (body, database, logger)
                return try await rate(lanes: connections) { end in
                    try await database.session { connection in
                        var rows = 0
                        while ContinuousClock.now < end {
                            try await RawInsertTable.insert(
                                id: UUID(), number: String(rows), body: body, on: connection, logger: logger)
                            rows += 1
                        }
                        return rows
                    }
                }
            }
        }

        private func batchedInserts() async throws -> Double {
            try await withScratchTable {
                let (bodies, database, logger) = ([String](repeating: body, count: 500), database, logger)
                return try await rate(lanes: 1) { end in
                    var rows = 0
                    while ContinuousClock.now < end {
                        let ids = (0..<500).map { _ in UUID() }
                        let numbers = (0..<500).map { String(rows + $0) }
                        try await RawInsertTable.insert(
                            ids: ids, numbers: numbers, bodies: bodies, on: database, logger: logger)
                        rows += 500
                    }
                    return rows
                }
            }
        }

        private func httpNoWork() async throws -> Double {
            let (host, port, group) = (gatewayHost, gatewayPort, group)
            return try await rate(lanes: connections) { end in
                try await HTTPConnection.session(host: host, port: port, group: group) { exchange in
                    var count = 0
                    while ContinuousClock.now < end {
                        _ = try await exchange.send(.GET, "/healthz")
                        count += 1
                    }
                    return count
                }
            }
        }
    }
}
