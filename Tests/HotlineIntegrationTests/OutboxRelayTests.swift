import Foundation
import HotlineDomain
import HotlineKafka
import HotlineRuntime
import HotlineStorage
import PostgresNIO
import Testing

@Suite("Transactional outbox and relay")
struct OutboxRelayTests {
    /// An outbox entry for `topic` whose body is its own event id.
    static func entry(producer: String, topic: String) -> OutboxEntry {
        let id = UUID()
        return OutboxEntry(
            eventId: id, producer: producer, topic: topic, messageKey: "k-\(id)", eventType: "test.event",
            schemaVersion: 1, body: Array(id.uuidString.utf8), traceparent: nil)
    }

    static func makeRelay(
        _ producer: String, client: PostgresClient, kafka: KafkaProducer, batchSize: Int
    ) -> OutboxRelay {
        OutboxRelay(
            .producer(producer), database: client, kafka: kafka, batchSize: batchSize, logger: TestEnvironment.logger)
    }

    struct RolledBack: Error {}

    @Test("an outbox row written in a rolled-back transaction is never published")
    func rolledBackRowIsNeverPublished() async throws {
        let topic = try await TestEnvironment.makeTopic("test.outbox", partitions: 1)
        let producer = TestEnvironment.uniqueName("relay")
        let discarded = Self.entry(producer: producer, topic: topic)
        let kept = Self.entry(producer: producer, topic: topic)
        let kafka = try TestEnvironment.makeProducer()

        try await TestDatabase.with { client, _ in
            let failure = await #expect(throws: PostgresTransactionError.self) {
                try await client.withTransaction(logger: TestEnvironment.logger) { connection in
                    try await OutboxStore.append(
                        discarded, history: nil, on: connection, logger: TestEnvironment.logger)
                    throw RolledBack()
                }
            }
            #expect(failure?.closureError is RolledBack)
            #expect(failure?.rollbackError == nil)
            try await client.withTransaction(logger: TestEnvironment.logger) { connection in
                try await OutboxStore.append(kept, history: nil, on: connection, logger: TestEnvironment.logger)
            }
            let relay = Self.makeRelay(producer, client: client, kafka: kafka, batchSize: 10)
            #expect(try await relay.relayOnce() == 1)
            #expect(try await relay.relayOnce() == 0)
        }
        await kafka.close()

        let consumer = try TestEnvironment.makeConsumer(group: TestEnvironment.uniqueName("group"), topics: [topic])
        let received = try await consumer.collect(1)
        let late = try await consumer.poll(maxMessages: 10, timeout: .seconds(2))
        await consumer.close()
        #expect(received.map(\.text) == [kept.eventId.uuidString])
        #expect(received.first?.header(EventHeaderName.eventId) == kept.eventId.uuidString.lowercased())
        #expect(late.isEmpty)
    }

    @Test("two relays running at once publish each committed row exactly once")
    func twoRelaysPublishEachRowOnce() async throws {
        let topic = try await TestEnvironment.makeTopic("test.relays", partitions: 3)
        let producer = TestEnvironment.uniqueName("relay")
        let entries = (0..<400).map { _ in Self.entry(producer: producer, topic: topic) }
        let kafka = try TestEnvironment.makeProducer()

        let (first, second) = try await TestDatabase.with { client, _ in
            try await client.withTransaction(logger: TestEnvironment.logger) { connection in
                for entry in entries {
                    try await OutboxStore.append(entry, history: nil, on: connection, logger: TestEnvironment.logger)
                }
            }
            let relays = (0..<2).map { _ in Self.makeRelay(producer, client: client, kafka: kafka, batchSize: 25) }
            async let a = Self.drain(relays[0])
            async let b = Self.drain(relays[1])
            let counts = try await (a, b)
            #expect(
                try await TestDatabase.count(
                    "SELECT count(*)::bigint FROM outbox WHERE published_at IS NULL", on: client) == 0)
            return counts
        }
        await kafka.close()

        let consumer = try TestEnvironment.makeConsumer(group: TestEnvironment.uniqueName("group"), topics: [topic])
        let received = try await consumer.collect(400)
        let late = try await consumer.poll(maxMessages: 10, timeout: .seconds(2))
        await consumer.close()

        #expect(first + second == 400)
        #expect(first > 0 && second > 0, "both relays should have taken part (first \(first), second \(second))")
        #expect(received.count == 400)
        #expect(Set(received.map(\.text)) == Set(entries.map(\.eventId.uuidString)))
        #expect(late.isEmpty)
    }

    @Test(
        "a claim holds no transaction id while the relay waits for the broker, skips rows another relay holds, and misses none it published"
    )
    func claimsTakeNoTransactionId() async throws {
        let producer = TestEnvironment.uniqueName("relay")
        let logger = TestEnvironment.logger
        try await TestDatabase.with { client, _ in
            try await client.withTransaction(logger: logger) { connection in
                for _ in 0..<6 {
                    try await OutboxStore.append(
                        Self.entry(producer: producer, topic: "test.claims"), history: nil, on: connection,
                        logger: logger)
                }
            }
            let (first, second) = try await client.withTransaction(logger: logger) { connection in
                let first = try await OutboxStore.claimUnpublished(
                    .producer(producer), limit: 4, on: connection, logger: logger)
                let transactionId = try await connection.query(
                    "SELECT pg_current_xact_id_if_assigned()::text", logger: logger
                ).collect().first?.decode(String?.self)
                #expect(transactionId == .some(nil), "a claim must not assign a transaction id")
                let second = try await client.withTransaction(logger: logger) { other in
                    try await OutboxStore.claimUnpublished(.producer(producer), limit: 4, on: other, logger: logger)
                }
                try await OutboxStore.markPublished(first.map(\.id), on: connection, logger: logger)
                return (first, second)
            }
            let remaining = try await client.withTransaction(logger: logger) { connection in
                try await OutboxStore.claimUnpublished(.producer(producer), limit: 10, on: connection, logger: logger)
            }
            #expect(first.count == 4)
            #expect(second.count == 2, "the second relay takes only the rows the first does not hold")
            #expect(Set(first.map(\.id)).isDisjoint(with: second.map(\.id)))
            #expect(remaining.map(\.id) == second.map(\.id), "published rows are not claimed again")
        }
    }

    /// Relays until a round finds nothing; returns how many rows this relay published.
    static func drain(_ relay: OutboxRelay) async throws -> Int {
        var total = 0
        while true {
            let count = try await relay.relayOnce()
            if count == 0 { return total }
            total += count
        }
    }
}
