import HotlineKafka
import Testing

/// A consumer's lag per partition against librdkafka's in-process mock cluster: the high
/// watermark minus what the member committed, or its position before its first commit.
@Suite("Kafka consumer lag (mock cluster)")
struct KafkaConsumerLagTests {
    @Test(
        "the lag counts from the committed offset, not from what was handed out; a member that has read nothing counts from the group's offset"
    )
    func lagFromCommittedOffsets() async throws {
        let clients = try MockClusterClients()
        try clients.makeTopic("complaints", partitions: 1)
        let producer = try clients.makeProducer()
        _ = try await producer.send(
            (0..<10).map {
                KafkaOutgoingMessage(topic: "complaints", key: Array("k".utf8), value: Array("m\($0)".utf8))
            })
        await producer.close()

        let consumer = try clients.makeConsumer(group: "lag-readers", topics: ["complaints"])
        #expect(await consumer.lag().isEmpty)
        let received = try await consumer.collect(4)
        try #require(received.count == 4)
        let partition = KafkaTopicPartition(topic: "complaints", partition: 0)
        // Before any commit: from the position, after the four handed out.
        #expect(await consumer.lag() == [partition: 6])
        try await consumer.commit(Array(received.prefix(2)))
        #expect(await consumer.lag() == [partition: 8])
        try await consumer.commit(received)
        #expect(await consumer.lag() == [partition: 6])
        let rest = try await consumer.collect(6)
        try await consumer.commit(rest)
        #expect(await consumer.lag() == [partition: 0])
        await consumer.close()

        // A member that has read nothing yet counts from the group's committed offset (10, all
        // read), not from the partition's start.
        let next = try clients.makeConsumer(group: "lag-readers", topics: ["complaints"])
        var lag: [KafkaTopicPartition: Int64] = [:]
        for _ in 0..<50 where lag.isEmpty {
            #expect(try await next.poll(maxMessages: 1, timeout: .milliseconds(200)).isEmpty)
            lag = await next.lag()
        }
        #expect(lag == [partition: 0])
        await next.close()
    }
}
