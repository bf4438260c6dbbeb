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
    static func row(
        _ type: EventType, producer: String, topic: String, publishedSecondsAgo: Double?, createdSecondsAgo: Double = 0,
        on client: PostgresClient
    ) async throws -> UUID {
        var entry = OutboxRelayTests.entry(producer: producer, topic: topic)
        entry.eventType = type.rawValue
        let id = entry.eventId
        try await client.withTransaction(logger: logger) { connection in
            try await OutboxStore.append(entry, history: nil, on: connection, logger: logger)
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
        try await TestDatabase.count(
            "SELECT count(*)::bigint FROM outbox WHERE event_id = \(id) AND published_at IS NULL", on: client) == 1
    }

    /// A reconciler with a 60-s grace and an hour's lookback, 100 events a round.
    static func reconciler(on client: PostgresClient) -> Reconciler {
        Reconciler(
            database: client, policy: ReconciliationPolicy(interval: .seconds(1), grace: 60, lookback: 3_600),
            limit: 100, logger: logger)
    }

    @Test(
        "an event a consumer skipped while applying later ones is re-queued; applied, recent, ignored, old and merely queued ones are not"
    )
    func requeuesOnlyLostEvents() async throws {
        try await TestDatabase.with { client, _ in
            let gateway = HotlineServiceKind.intakeGateway.name
            let classifier = HotlineServiceKind.classifierWorker.name
            let received = HotlineTopic.received.name
            let lost = try await Self.row(
                .ticketReceived, producer: gateway, topic: received, publishedSecondsAgo: 120, on: client)
            let applied = try await Self.row(
                .ticketReceived, producer: gateway, topic: received, publishedSecondsAgo: 120, on: client)
            // The classifier has gone on to apply an event published 10 s ago: its position.
            let later = try await Self.row(
                .ticketReceived, producer: gateway, topic: received, publishedSecondsAgo: 10, on: client)
            let recent = try await Self.row(
                .ticketReceived, producer: gateway, topic: received, publishedSecondsAgo: 5, on: client)
            let tooOld = try await Self.row(
                .ticketReceived, producer: gateway, topic: received, publishedSecondsAgo: 7_200, on: client)
            // Nobody applies `ticket.answered`.
            let unread = try await Self.row(
                .ticketAnswered, producer: gateway, topic: HotlineTopic.lifecycle.name, publishedSecondsAgo: 120,
                on: client)
            // The dispatcher is behind: the last event it applied was published 200 s ago, so a
            // classified event of 120 s ago is still in its queue, not lost.
            let classifiedLongAgo = try await Self.row(
                .ticketClassified, producer: classifier, topic: HotlineTopic.classified.name, publishedSecondsAgo: 200,
                on: client)
            let queued = try await Self.row(
                .ticketClassified, producer: classifier, topic: HotlineTopic.classified.name, publishedSecondsAgo: 120,
                on: client)
            try await client.withConnection { connection in
                _ = try await ProcessedEvents.claim(
                    [applied, later], consumer: classifier, on: connection, logger: Self.logger)
                _ = try await ProcessedEvents.claim(
                    [classifiedLongAgo], consumer: HotlineServiceKind.dispatcher.name, on: connection,
                    logger: Self.logger)
            }
            let reconciler = Self.reconciler(on: client)

            let counts = try await reconciler.reconcileOnce()

            #expect(counts == [classifier: 1])
            #expect(try await Self.unpublished(lost, on: client))
            for kept in [applied, later, recent, tooOld, unread, classifiedLongAgo, queued] {
                #expect(try await !Self.unpublished(kept, on: client))
            }
            // Re-queued rows get a new publication time from their relay; until then the
            // reconciler leaves them alone.
            #expect(try await reconciler.reconcileOnce().isEmpty)
        }
    }

    @Test(
        "once traffic stops, an event lost just before the last one applied is re-queued without waiting for more traffic"
    )
    func requeuesLossesBeforeTrafficStopped() async throws {
        try await TestDatabase.with { client, _ in
            let gateway = HotlineServiceKind.intakeGateway.name
            let classifier = HotlineServiceKind.classifierWorker.name
            let received = HotlineTopic.received.name
            // Lost 5 s before the last event the classifier applied, which was 90 s ago: within
            // the grace of its position, and nothing has been applied since.
            let lost = try await Self.row(
                .ticketReceived, producer: gateway, topic: received, publishedSecondsAgo: 95, on: client)
            let last = try await Self.row(
                .ticketReceived, producer: gateway, topic: received, publishedSecondsAgo: 90, on: client)
            try await client.withConnection { connection in
                _ = try await ProcessedEvents.claim([last], consumer: classifier, on: connection, logger: Self.logger)
                try await connection.query(
                    "UPDATE processed_events SET processed_at = now() - interval '90 seconds' WHERE event_id = \(last)",
                    logger: Self.logger)
            }
            let reconciler = Self.reconciler(on: client)

            #expect(try await reconciler.reconcileOnce() == [classifier: 1])
            #expect(try await Self.unpublished(lost, on: client))
            #expect(try await !Self.unpublished(last, on: client))
        }
    }

    @Test(
        "a later round reads from the last round's position less the grace: a loss after it is re-queued, a row older than that is not read again"
    )
    func laterRoundsReadOnlyWhatIsNew() async throws {
        try await TestDatabase.with { client, _ in
            let gateway = HotlineServiceKind.intakeGateway.name
            let classifier = HotlineServiceKind.classifierWorker.name
            let received = HotlineTopic.received.name
            func row(_ secondsAgo: Double) async throws -> UUID {
                try await Self.row(
                    .ticketReceived, producer: gateway, topic: received, publishedSecondsAgo: secondsAgo, on: client)
            }
            func apply(_ ids: [UUID]) async throws {
                _ = try await client.withConnection {
                    try await ProcessedEvents.claim(ids, consumer: classifier, on: $0, logger: Self.logger)
                }
            }
            let reconciler = Self.reconciler(on: client)
            // First round: the classifier applied an event published 100 s ago; its position is 160 s ago.
            try await apply([try await row(100)])
            #expect(try await reconciler.reconcileOnce().isEmpty)

            // It has since applied one published 1 s ago: position 61 s ago. The second round
            // reads from 220 s ago (the first position less the grace) to 61 s ago.
            try await apply([try await row(1)])
            let lostSince = try await row(90)
            let lostBefore = try await row(300)
            #expect(try await reconciler.reconcileOnce() == [classifier: 1])
            #expect(try await Self.unpublished(lostSince, on: client))
            #expect(try await !Self.unpublished(lostBefore, on: client))

            // A new reconciler (a restart) reads the whole look-back once.
            let restarted = Self.reconciler(on: client)
            #expect(try await restarted.reconcileOnce() == [classifier: 1])
            #expect(try await Self.unpublished(lostBefore, on: client))
        }
    }

    @Test("rows their producer left unpublished past the grace are published by the reconciler's relay")
    func abandonedRowsArePublished() async throws {
        let topic = try await TestEnvironment.makeTopic("test.abandoned", partitions: 1)
        let kafka = try TestEnvironment.makeProducer()
        try await TestDatabase.with { client, _ in
            let producer = TestEnvironment.uniqueName("stopped-service")
            let abandoned = try await Self.row(
                .ticketReceived, producer: producer, topic: topic, publishedSecondsAgo: nil, createdSecondsAgo: 120,
                on: client)
            let fresh = try await Self.row(
                .ticketReceived, producer: producer, topic: topic, publishedSecondsAgo: nil, createdSecondsAgo: 1,
                on: client)
            let relay = OutboxRelay(
                .abandoned(olderThanSeconds: 60), database: client, kafka: kafka, batchSize: 10, logger: Self.logger)

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
