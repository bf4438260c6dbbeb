import HotlineKafka
import ServiceLifecycle
import Testing

/// The producer and the consumer against librdkafka's in-process mock cluster.
@Suite("Kafka producer and consumer (mock cluster)")
struct KafkaProducerConsumerTests {
    @Test("a sent message is consumed with its key, value and headers, and its offset is committed")
    func sentMessageIsConsumed() async throws {
        let clients = try MockClusterClients()
        try clients.makeTopic("orders", partitions: 2)
        let producer = try clients.makeProducer()
        let reports = try await producer.send([
            KafkaOutgoingMessage(
                topic: "orders", key: Array("k".utf8), value: Array("hello".utf8),
                headers: [KafkaHeader(key: "trace", text: "t-1")])
        ])
        await producer.close()

        let consumer = try clients.makeConsumer(group: "readers", topics: ["orders"])
        let received = try await consumer.collect(1)
        try await consumer.commit(received)
        await consumer.close()

        #expect(reports.count == 1)
        let message = try #require(received.first)
        #expect(message.topic == "orders" && message.partition == reports[0].partition)
        #expect(message.offset == reports[0].offset)
        #expect(message.key == Array("k".utf8) && message.value == Array("hello".utf8))
        #expect(message.header("trace") == "t-1")
    }

    @Test("a member whose group join goes unanswered joins again with a new client and consumes")
    func stalledJoinIsAbandoned() async throws {
        let clients = try MockClusterClients()
        try clients.makeTopic("calls", partitions: 1)
        let producer = try clients.makeProducer()
        try await producer.send([KafkaOutgoingMessage(topic: "calls", key: [], value: [7])])
        await producer.close()
        try clients.cluster.delayNextRequest(apiKey: KafkaMockCluster.joinGroupRequest, by: .seconds(120))

        let consumer = try clients.makeConsumer(group: "stalled", topics: ["calls"], joinStallLimit: .seconds(8))
        let received = try await consumer.collect(1, within: .seconds(60))
        await consumer.close()

        #expect(received.map(\.value) == [[7]])
    }

    @Test("a producer run as a service flushes on graceful shutdown and refuses sends afterwards")
    func producerServiceClosesOnShutdown() async throws {
        let clients = try MockClusterClients()
        try clients.makeTopic("events", partitions: 1)
        let producer = try clients.makeProducer()
        let group = ServiceGroup(services: [producer], logger: MockClusterClients.logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let reports = try await producer.send([KafkaOutgoingMessage(topic: "events", key: [], value: [1])])
            #expect(reports.map(\.offset) == [0])
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        await #expect(throws: KafkaError.self) {
            try await producer.send([KafkaOutgoingMessage(topic: "events", key: [], value: [2])])
        }
    }

    @Test("closing fails the sends still waiting for a broker that never answers")
    func closeFailsUndeliveredSends() async throws {
        let unreachable = KafkaClientConfiguration(bootstrapServers: "127.0.0.1:1", clientId: "tests-producer")
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(client: unreachable), logger: MockClusterClients.logger)
        let send = Task {
            try await producer.send([KafkaOutgoingMessage(topic: "nowhere", key: [], value: [1])])
        }
        try await Task.sleep(for: .milliseconds(200))
        await producer.close(flushTimeout: .milliseconds(100))
        await #expect(throws: KafkaError.self) { try await send.value }
    }
}
