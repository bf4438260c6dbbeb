import HotlineKafka
import Testing

/// The Kafka layer against the real local broker.
@Suite("Kafka consumer groups", .serialized)
struct KafkaConsumerGroupTests {
    @Test("a produced batch is consumed by a group, with its headers")
    func producedBatchIsConsumed() async throws {
        let topic = try await TestEnvironment.makeTopic("test.batch", partitions: 3)
        let producer = try TestEnvironment.makeProducer()
        let reports = try await producer.send(numberedMessages(topic: topic, count: 50))
        #expect(reports.count == 50)

        let consumer = try TestEnvironment.makeConsumer(group: TestEnvironment.uniqueName("group"), topics: [topic])
        let received = try await consumer.collect(50)
        try await consumer.commit(received)
        await consumer.close()
        await producer.close()

        #expect(Set(received.map(\.text)) == Set((0..<50).map { "m-\($0)" }))
        #expect(received.allSatisfy { $0.header("index").map { "m-\($0)" } == $0.text })
    }

    @Test("a consumer that subscribed before its topic existed consumes once the topic is created")
    func subscribedBeforeTheTopicExists() async throws {
        // As after a broker that came back empty: the services subscribe before `hotline topics create` runs.
        let topic = TestEnvironment.uniqueName("test.late")
        let consumer = try TestEnvironment.makeConsumer(group: TestEnvironment.uniqueName("group"), topics: [topic])
        let early = try await consumer.poll(maxMessages: 1, timeout: .seconds(3))
        #expect(early.isEmpty)
        try await KafkaAdmin(client: TestEnvironment.kafkaClient("tests-admin")).createTopics([
            KafkaTopicSpecification(name: topic, partitions: 2)
        ])
        let producer = try TestEnvironment.makeProducer()
        try await producer.send(numberedMessages(topic: topic, count: 5))
        await producer.close()
        let received = try await consumer.collect(5, within: .seconds(90))
        await consumer.close()
        #expect(Set(received.map(\.text)) == Set((0..<5).map { "m-\($0)" }))
    }

    @Test("a member the group left holding nothing, after the broker came back empty, consumes once its topic returns")
    func idleMemberAfterAnEmptyBroker() async throws {
        // The fault suite's broker restart: the group forms again before `hotline topics create`
        // runs and assigns nothing; the topic then returns with the partition count it had.
        let broker = try await OwnBroker.start()
        let client = KafkaClientConfiguration(bootstrapServers: broker.address, clientId: "tests-idle")
        let topic = TestEnvironment.uniqueName("test.idle")
        let specification = KafkaTopicSpecification(name: topic, partitions: 3)
        try await KafkaAdmin(client: client).createTopics([specification])
        try await send(numberedMessages(topic: topic, count: 3, prefix: "before"), through: client)
        var configuration = KafkaConsumerConfiguration(
            client: client, groupId: TestEnvironment.uniqueName("group"), topics: [topic])
        configuration.joinStallLimit = .seconds(8)
        let consumer = try KafkaConsumer(configuration: configuration, logger: TestEnvironment.logger)
        try await consumer.commit(try await consumer.collect(3))

        try await broker.restart()
        // Long enough for the group to form again on the empty broker (about 3 s) and answer.
        let duringOutage = try await consumer.messages(arrivingWithin: .seconds(8))
        #expect(duringOutage.isEmpty)
        #expect(consumer.assignment.isEmpty)
        try await KafkaAdmin(client: client).createTopics([specification])
        try await send(numberedMessages(topic: topic, count: 3, prefix: "after"), through: client)
        let received = try await consumer.collect(3, within: .seconds(90))
        await consumer.close()
        #expect(Set(received.map(\.text)) == Set((0..<3).map { "after-\($0)" }))
    }

    @Test("a group whose committed offset lies past a partition's end reads the partition from its start")
    func committedPastTheEnd() async throws {
        // As after a broker that restarted empty, to which a member still committed a batch it had
        // read from the broker's previous life: the committed offset names messages never written.
        let topic = try await TestEnvironment.makeTopic("test.past-end", partitions: 1)
        let group = TestEnvironment.uniqueName("group")
        let producer = try TestEnvironment.makeProducer()
        try await producer.send(numberedMessages(topic: topic, count: 2, prefix: "first"))
        let first = try TestEnvironment.makeConsumer(group: group, topics: [topic])
        let read = try await first.collect(2)
        try await first.commit([
            KafkaConsumedMessage(topic: topic, partition: 0, offset: 99, key: [], value: [], headers: [])
        ])
        await first.close()
        try await producer.send(numberedMessages(topic: topic, count: 3, prefix: "second"))
        await producer.close()

        let second = try TestEnvironment.makeConsumer(group: group, topics: [topic])
        let received = try await second.collect(5, within: .seconds(30))
        await second.close()
        #expect(read.map(\.text) == ["first-0", "first-1"])
        #expect(received.map(\.text) == ["first-0", "first-1", "second-0", "second-1", "second-2"])
    }

    @Test("a producer leaves a missing topic missing: topics come from `hotline topics create` only")
    func producerCreatesNoTopic() async throws {
        let topic = TestEnvironment.uniqueName("test.missing")
        var configuration = KafkaProducerConfiguration(client: TestEnvironment.kafkaClient("tests-producer"))
        configuration.messageTimeoutMilliseconds = 3_000
        let producer = try KafkaProducer(configuration: configuration, logger: TestEnvironment.logger)
        await #expect(throws: (any Error).self) { try await producer.send(numberedMessages(topic: topic, count: 1)) }
        await producer.close()
        let topics = try await KafkaAdmin(client: TestEnvironment.kafkaClient("tests-admin")).listTopics()
        #expect(topics[topic] == nil)
        #expect(!topics.isEmpty)
    }

    @Test("a member killed before committing makes the next member re-deliver exactly the uncommitted batch")
    func uncommittedBatchIsRedelivered() async throws {
        let topic = try await TestEnvironment.makeTopic("test.crash", partitions: 1)
        let producer = try TestEnvironment.makeProducer()
        try await producer.send(numberedMessages(topic: topic, count: 20))
        await producer.close()
        let group = TestEnvironment.uniqueName("group")

        let first = try TestEnvironment.makeConsumer(group: group, topics: [topic])
        let committed = try await first.collect(10)
        try await first.commit(committed)
        let uncommitted = try await first.collect(10)
        await first.abandon()

        let second = try TestEnvironment.makeConsumer(group: group, topics: [topic])
        let redelivered = try await second.collect(10)
        let extra = try await second.poll(maxMessages: 10, timeout: .seconds(1))
        await second.close()

        #expect(committed.map(\.text) == (0..<10).map { "m-\($0)" })
        #expect(redelivered.map(\.text) == uncommitted.map(\.text))
        #expect(redelivered.map(\.text) == (10..<20).map { "m-\($0)" })
        #expect(extra.isEmpty)
    }

    @Test("two members of one group split the partitions")
    func membersSplitPartitions() async throws {
        let topic = try await TestEnvironment.makeTopic("test.split", partitions: 4)
        let group = TestEnvironment.uniqueName("group")
        let first = try TestEnvironment.makeConsumer(group: group, topics: [topic])
        let second = try TestEnvironment.makeConsumer(group: group, topics: [topic])

        let deadline = ContinuousClock.now + .seconds(60)
        while !(first.assignment.count == 2 && second.assignment.count == 2), ContinuousClock.now < deadline {
            async let a = first.poll(maxMessages: 1, timeout: .milliseconds(200))
            async let b = second.poll(maxMessages: 1, timeout: .milliseconds(200))
            _ = try await (a, b)
        }
        let (firstPartitions, secondPartitions) = (first.assignment, second.assignment)
        await first.close()
        await second.close()

        #expect(firstPartitions.isDisjoint(with: secondPartitions))
        #expect(
            firstPartitions.union(secondPartitions)
                == Set((0..<4).map { KafkaTopicPartition(topic: topic, partition: $0) }))
        #expect(firstPartitions.count == 2 && secondPartitions.count == 2)
    }

    @Test("a group with more members than partitions settles: its idle member joins again at most once")
    func idleMemberOfALargeGroupSettles() async throws {
        let topic = try await TestEnvironment.makeTopic("test.crowded", partitions: 1)
        let group = TestEnvironment.uniqueName("group")
        let members = try (0..<2).map { _ in
            var configuration = KafkaConsumerConfiguration(
                client: TestEnvironment.kafkaClient("tests-consumer"), groupId: group, topics: [topic])
            // A member that joins again leaves its old client in the group until the session
            // timeout, so a join can take the timeout plus the local broker's join time (3 to 6 s).
            configuration.sessionTimeoutMilliseconds = 3_000
            configuration.joinStallLimit = .seconds(12)
            return try KafkaConsumer(configuration: configuration, logger: TestEnvironment.logger)
        }
        // Long enough for the first join, each member's one extra join (the partition can move
        // once), and then several idle limits in which a member that kept joining again would
        // take the partition away.
        var heldAtEachPoll: [Int] = []
        let start = ContinuousClock.now
        while ContinuousClock.now < start + .seconds(70) {
            async let a = members[0].poll(maxMessages: 1, timeout: .milliseconds(200))
            async let b = members[1].poll(maxMessages: 1, timeout: .milliseconds(200))
            _ = try await (a, b)
            if ContinuousClock.now > start + .seconds(55) {
                heldAtEachPoll.append(members.map(\.assignment.count).reduce(0, +))
            }
        }
        for member in members { await member.close() }
        #expect(!heldAtEachPoll.isEmpty)
        #expect(heldAtEachPoll.allSatisfy { $0 == 1 })
    }

    private func send(_ messages: [KafkaOutgoingMessage], through client: KafkaClientConfiguration) async throws {
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(client: client), logger: TestEnvironment.logger)
        try await producer.send(messages)
        await producer.close()
    }
}
