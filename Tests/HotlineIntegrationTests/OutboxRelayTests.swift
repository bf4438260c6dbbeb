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

    @Test(
        "a batch of events is written in one call: outbox rows in its order, history rows for those that have one, inbox items by unit"
    )
    func batchAppend() async throws {
        try await TestDatabase.with { client, _ in
            let logger = TestEnvironment.logger
            let ticket = UUID()
            try await client.query(
                """
                INSERT INTO tickets (id, number, channel, type, place_text, request_text, urgency, state, received_at, updated_at)
                VALUES (\(ticket), 'B-1', 'phone', 'complaint', '朝阳', '噪音', 'G', 'received', now(), now())
                """, logger: logger)
            let producer = TestEnvironment.uniqueName("batch")
            // History rows hold the body as JSON.
            let entries = (0..<3).map { position in
                var entry = Self.entry(producer: producer, topic: "test.batch")
                entry.body = Array(#"{"position": \#(position)}"#.utf8)
                return entry
            }
            let at = Date(timeIntervalSince1970: 1_795_190_400)
            let histories: [OutboxStore.HistoryEntry?] = [
                .init(ticketId: ticket, occurredAt: at), nil, .init(ticketId: ticket, occurredAt: at),
            ]
            try await client.withTransaction(logger: logger) { connection in
                try await OutboxStore.append(
                    Array(zip(entries, histories).map { (entry: $0, history: $1) }), on: connection, logger: logger)
                try await InboxStore.add(
                    [
                        .init(
                            notice: InboxNotice(unitCode: "110105026", kind: .dispatched, dueAt: at),
                            eventId: entries[0].eventId, ticketId: ticket, at: at),
                        .init(
                            notice: InboxNotice(unitCode: "110105", kind: .earlyWarning, note: "预警"),
                            eventId: entries[1].eventId, ticketId: nil, at: at),
                    ], on: connection, logger: logger)
            }
            let outbox = try await client.query(
                "SELECT event_id FROM outbox WHERE producer = \(producer) ORDER BY id", logger: logger
            ).collect().map { try $0.decode(UUID.self) }
            #expect(outbox == entries.map(\.eventId), "the rows' ids follow the batch's order")
            let history = try await client.query(
                "SELECT event_id FROM ticket_history WHERE ticket_id = \(ticket) ORDER BY event_id", logger: logger
            ).collect().map { try $0.decode(UUID.self) }
            #expect(Set(history) == [entries[0].eventId, entries[2].eventId])
            let inbox = try await client.query(
                """
                SELECT unit_code, ticket_id, due_at, note FROM inbox_items
                WHERE event_id = ANY(\(entries.map(\.eventId))::uuid[]) ORDER BY unit_code
                """, logger: logger
            ).collect().map { try $0.decode((String, UUID?, Date?, String?).self) }
            #expect(inbox.map(\.0) == ["110105", "110105026"])
            #expect(inbox[0].1 == nil && inbox[0].2 == nil && inbox[0].3 == "预警", "no ticket, no due time")
            #expect(inbox[1].1 == ticket && inbox[1].2 == at && inbox[1].3 == nil)
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
