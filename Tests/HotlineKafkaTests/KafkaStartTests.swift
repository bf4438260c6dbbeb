import HotlineKafka
import Testing

/// Creating a producer or a consumer starts nothing; a client that cannot start fails its
/// first use, and leaves nothing running.
@Suite("Kafka clients start on first use (mock cluster)")
struct KafkaStartTests {
    /// Settings librdkafka accepts one by one but refuses when it creates a producer.
    static let producerThatCannotStart = ["enable.idempotence": "true", "acks": "1"]
    /// Settings librdkafka accepts one by one but refuses when it creates a consumer.
    static let consumerThatCannotStart = ["fetch.max.bytes": "1024", "message.max.bytes": "2048"]

    @Test("a setting librdkafka does not know fails at creation")
    func unknownSettingFailsAtCreation() throws {
        let clients = try MockClusterClients()
        #expect(throws: KafkaError.self) { try clients.makeProducer(extraProperties: ["no.such.setting": "1"]) }
        #expect(throws: KafkaError.self) {
            try clients.makeConsumer(group: "g", topics: ["t"], extraProperties: ["no.such.setting": "1"])
        }
    }

    @Test("a producer whose client cannot start is created, then fails in run() and on send")
    func producerStartFailsInRun() async throws {
        let clients = try MockClusterClients()
        let producer = try clients.makeProducer(extraProperties: Self.producerThatCannotStart)
        await #expect(throws: KafkaError.self) { try await producer.run() }
        await #expect(throws: KafkaError.self) {
            try await producer.send([KafkaOutgoingMessage(topic: "t", key: [], value: [1])])
        }
        await producer.close()
    }

    @Test("a consumer whose client cannot start is created, then fails on its first poll")
    func consumerStartFailsOnFirstPoll() async throws {
        let clients = try MockClusterClients()
        let consumer = try clients.makeConsumer(
            group: "g", topics: ["t"], extraProperties: Self.consumerThatCannotStart)
        #expect(consumer.assignment.isEmpty)
        await #expect(throws: KafkaError.self) { try await consumer.poll(maxMessages: 1, timeout: .milliseconds(10)) }
        await consumer.close()
    }

    @Test("a consumer that never polled has nothing to commit and closes at once")
    func unusedConsumerCloses() async throws {
        let clients = try MockClusterClients()
        let consumer = try clients.makeConsumer(group: "g", topics: ["t"])
        let message = KafkaConsumedMessage(topic: "t", partition: 0, offset: 0, key: [], value: [], headers: [])
        await #expect(throws: KafkaError.self) { try await consumer.commit([message]) }
        await consumer.close()
        await #expect(throws: KafkaError.self) { try await consumer.poll(maxMessages: 1, timeout: .milliseconds(10)) }
    }
}
