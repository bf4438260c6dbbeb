import Foundation
import HotlineDomain
import HotlineKafka
import HotlineRuntime
import HotlineServices
import HotlineStorage
import PostgresNIO
import Testing

@Suite("Reconciler: events lost between services are sent again")
struct ReconcilerTests {
    static let logger = TestEnvironment.logger

    /// An outbox row of `type`, published (or not) `secondsAgo` before now.
    static func row(_ type: EventType, producer: String, topic: String, publishedSecondsAgo: Double?, createdSecondsAgo: Double = 0, on client: PostgresClient) async throws -> UUID {
        var entry = OutboxRelayTests.entry(producer: producer, topic: topic)
        entry.eventType = type.rawValue
        let id = entry.eventId
        try await client.withTransaction(logger: logger) { connection in
            try await OutboxStore.append([entry], on: connection, logger: logger)
            try await connection.query(
                """
                UPDATE outbox SET created_at = now() - make_interval(secs => \(createdSecondsAgo)),
                    published_at = now() - make_interval(secs => \(publishedSecondsAgo)::float8)
                WHERE event_id = \(id)
                """, logger: logger)
        }
        return id
    }

    static func unpublished(_ id: UUID, on client: PostgresClient) async throws -> Bool {
        try await TestDatabase.count("SELECT count(*)::bigint FROM outbox WHERE event_id = \(id) AND published_at IS NULL", on: client) == 1
    }

    @Test("a published event a reading consumer never applied is re-queued; applied, recent, ignored and old ones are not")
    func requeuesOnlyLostEvents() async throws {
        try await TestDatabase.with { client, _ in
            let producer = HotlineServiceKind.intakeGateway.name
            let topic = HotlineTopic.received.name
            let lost = try await Self.row(.ticketReceived, producer: producer, topic: topic, publishedSecondsAgo: 120, on: client)
            let applied = try await Self.row(.ticketReceived, producer: producer, topic: topic, publishedSecondsAgo: 120, on: client)
            let recent = try await Self.row(.ticketReceived, producer: producer, topic: topic, publishedSecondsAgo: 5, on: client)
            let tooOld = try await Self.row(.ticketReceived, producer: producer, topic: topic, publishedSecondsAgo: 7_200, on: client)
            // The dispatcher reads the classified topic, where an answered ticket is no business of it.
            let unread = try await Self.row(.ticketAnswered, producer: producer, topic: HotlineTopic.lifecycle.name, publishedSecondsAgo: 120, on: client)
            try await client.withConnection { connection in
                _ = try await ProcessedEvents.claim([applied], consumer: HotlineServiceKind.classifierWorker.name, on: connection, logger: Self.logger)
            }
            let reconciler = Reconciler(
                database: client, policy: ReconciliationPolicy(interval: .seconds(1), grace: 60, lookback: 3_600), limit: 100, logger: Self.logger)

            let counts = try await reconciler.reconcileOnce()

            #expect(counts == [HotlineServiceKind.classifierWorker.name: 1])
            #expect(try await Self.unpublished(lost, on: client))
            for kept in [applied, recent, tooOld, unread] {
                #expect(try await !Self.unpublished(kept, on: client))
            }
            // Re-queued rows get a new publication time from their relay; until then the
            // reconciler leaves them alone.
            #expect(try await reconciler.reconcileOnce().isEmpty)
        }
    }

    @Test("rows their producer left unpublished past the grace are published by the reconciler's relay")
    func abandonedRowsArePublished() async throws {
        let topic = try await TestEnvironment.makeTopic("test.abandoned", partitions: 1)
        let kafka = try TestEnvironment.makeProducer()
        try await TestDatabase.with { client, _ in
            let producer = TestEnvironment.uniqueName("stopped-service")
            let abandoned = try await Self.row(.ticketReceived, producer: producer, topic: topic, publishedSecondsAgo: nil, createdSecondsAgo: 120, on: client)
            let fresh = try await Self.row(.ticketReceived, producer: producer, topic: topic, publishedSecondsAgo: nil, createdSecondsAgo: 1, on: client)
            let relay = OutboxRelay(.abandoned(olderThanSeconds: 60), database: client, kafka: kafka, batchSize: 10, logger: Self.logger)

            #expect(try await relay.relayOnce() == 1)
            #expect(try await !Self.unpublished(abandoned, on: client))
            #expect(try await Self.unpublished(fresh, on: client))
        }
        await kafka.close()
        let consumer = try TestEnvironment.makeConsumer(group: TestEnvironment.uniqueName("group"), topics: [topic])
        let received = try await consumer.collect(1)
        await consumer.close()
        #expect(received.count == 1)
    }
}
