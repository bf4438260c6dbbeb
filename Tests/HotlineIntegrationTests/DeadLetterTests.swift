import Foundation
import HotlineDomain
import HotlineKafka
import HotlineRuntime
import HotlineStorage
import Logging
import PostgresNIO
import ServiceLifecycle
import Synchronization
import Testing

@Suite("Event consumer: poison messages and redeliveries")
struct DeadLetterTests {
    /// Remembers every event the consumer applied.
    final class RecordingHandler: EventBatchHandler {
        let applied = Mutex<[UUID]>([])
        var acceptedTypes: Set<EventType> { [.ticketReceived] }

        func apply(_ events: [ConsumedEvent], on connection: PostgresConnection, logger: Logger) async throws {
            applied.withLock { $0 += events.map(\.event.metadata.id) }
        }
    }

    static func receivedEvent() throws -> (UUID, [UInt8]) {
        let event = Event(
            id: UUID(), ticketId: UUID(), occurredAt: Date(), producer: "tests",
            payload: TicketReceived(
                number: "20261122-000001",
                request: ReceivedRequest(channel: .phone, type: .help, placeText: "东城区", text: "路灯不亮")))
        return (event.metadata.id, try EventCodec.encode(event))
    }

    static func envelope(type: String, version: Int) -> [UInt8] {
        Array(
            #"{"id":"\#(UUID())","type":"\#(type)","schema_version":\#(version),"ticket_id":"\#(UUID())","occurred_at":"2026-11-22T08:00:00.000Z","producer":"tests","payload":{}}"#
                .utf8)
    }

    @Test(
        "poison goes to the dead-letter topic with its reason, duplicates are applied once, and the consumer moves on")
    func poisonIsDeadLetteredAndConsumerMovesOn() async throws {
        let topic = try await TestEnvironment.makeTopic("test.poison", partitions: 1)
        try await TestEnvironment.ensurePlatformTopics()
        let (firstId, first) = try Self.receivedEvent()
        let (secondId, second) = try Self.receivedEvent()
        let values: [[UInt8]] = [
            first, Array("not json at all".utf8), Self.envelope(type: "ticket.teleported", version: 1),
            Self.envelope(type: "ticket.received", version: 99), first, second,
        ]
        let producer = try TestEnvironment.makeProducer()
        try await producer.send(values.map { KafkaOutgoingMessage(topic: topic, key: [], value: $0) })

        let group = TestEnvironment.uniqueName("group")
        let handler = RecordingHandler()
        try await TestDatabase.with { client, _ in
            let service = EventConsumerService(
                consumerName: group, consumer: try TestEnvironment.makeConsumer(group: group, topics: [topic]),
                deadLetters: producer, database: client, handler: handler, batchSize: 100,
                logger: TestEnvironment.logger)
            let serviceGroup = ServiceGroup(services: [service], logger: TestEnvironment.logger)
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await serviceGroup.run() }
                let deadline = ContinuousClock.now + .seconds(60)
                while handler.applied.withLock({ $0.count }) < 2, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(100))
                }
                await serviceGroup.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            #expect(
                try await TestDatabase.count(
                    "SELECT count(*)::bigint FROM processed_events WHERE consumer = \(group)", on: client) == 2)
        }
        await producer.close()
        #expect(handler.applied.withLock { $0 } == [firstId, secondId])

        let deadLetters = try TestEnvironment.makeConsumer(
            group: TestEnvironment.uniqueName("dlq"), topics: [HotlineTopic.deadLetter.name])
        var ours: [KafkaConsumedMessage] = []
        let deadline = ContinuousClock.now + .seconds(60)
        while ours.count < 3, ContinuousClock.now < deadline {
            ours += try await deadLetters.poll(maxMessages: 500, timeout: .milliseconds(200))
                .filter { $0.header(EventHeaderName.deadLetterSource)?.hasPrefix(topic + "/") == true }
        }
        await deadLetters.close()
        // Dead letters spread over the topic's partitions, so compare them without order.
        let byReason = Dictionary(
            uniqueKeysWithValues: ours.map { ($0.header(EventHeaderName.deadLetterReason) ?? "", $0) })
        #expect(byReason.keys.sorted() == ["not-json", "unknown-type", "unsupported-schema-version"])
        #expect(byReason["not-json"]?.value == values[1])
        #expect(byReason["unknown-type"]?.value == values[2])
        #expect(byReason["unsupported-schema-version"]?.value == values[3])
        #expect(byReason["unsupported-schema-version"]?.header(EventHeaderName.deadLetterSource) == "\(topic)/0/3")
        #expect(ours.allSatisfy { $0.header(EventHeaderName.deadLetterConsumer) == group })

        // Everything was committed: a new member of the group finds nothing left.
        let successor = try TestEnvironment.makeConsumer(group: group, topics: [topic])
        var leftovers: [KafkaConsumedMessage] = []
        let quiet = ContinuousClock.now + .seconds(8)
        while ContinuousClock.now < quiet {
            leftovers += try await successor.poll(maxMessages: 10, timeout: .milliseconds(200))
        }
        await successor.close()
        #expect(leftovers.isEmpty)
    }
}
