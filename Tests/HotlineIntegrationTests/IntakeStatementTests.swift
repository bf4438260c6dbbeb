import Foundation
import HotlineDomain
import HotlineServices
import HotlineStorage
import PostgresNIO
import Testing

/// The intake's one statement (`TicketStore.insertReceived`): the idempotency key, the ticket,
/// its outbox row and its history row, all or none.
@Suite("The intake's one statement")
struct IntakeStatementTests {
    static let day = CalendarDay(year: 2027, month: 1, day: 4)
    static let time = Date(timeIntervalSince1970: 1_799_000_000)

    static func received(_ sequence: Int) -> ReceivedTicket {
        let request = TicketRequest(
            channel: .phone, type: .complaint, callerName: "王先生", callerPhone: "13800138000",
            placeText: "朝阳区望京街道阜荣街10号", text: "楼下饭馆油烟太大，王先生家窗户都不敢开")
        let number = TicketNumber(day: day, sequence: sequence)
        let event = EventStamp(producer: "intake-gateway").event(
            about: UUID(), TicketReceived(number: number.description, request: ReceivedRequest(masking: request)),
            at: time)
        return ReceivedTicket(number: number, request: request, gridReport: nil, event: event, trace: nil)
    }

    /// Rows of `table` about the tickets recorded.
    static func rows(_ table: String, on client: PostgresClient) async throws -> Int {
        try await TestDatabase.count(PostgresQuery(unsafeSQL: "SELECT count(*)::bigint FROM \(table)"), on: client)
    }

    @Test(
        "concurrent requests with one key record one ticket with one outbox and one history row; the others replay it")
    func oneKeyOneTicket() async throws {
        try await TestDatabase.with { client, _ in
            let logger = TestEnvironment.logger
            let key = IdempotencyKeys.Key(key: "retry-7", tokenId: UUID(), body: Array("{\"text\":1}".utf8))
            let tickets = (1...20).map(Self.received)
            let recorded = try await withThrowingTaskGroup(of: RecordedIntake.self) { group in
                for ticket in tickets {
                    group.addTask {
                        try await client.withConnection {
                            try await TicketStore.insertReceived(ticket, claiming: key, on: $0, logger: logger)
                        }
                    }
                }
                return try await group.reduce(into: [RecordedIntake]()) { $0.append($1) }
            }
            let created = recorded.compactMap(\.created)
            let record = try #require(created.count == 1 ? created.first : nil)
            let earlier = recorded.compactMap(\.earlierUse)
            #expect(earlier.count == 19)
            #expect(earlier.allSatisfy { $0 == .replay(record.id) })
            #expect(try await Self.rows("tickets", on: client) == 1)
            #expect(try await Self.rows("outbox", on: client) == 1)
            #expect(try await Self.rows("ticket_history", on: client) == 1)
            #expect(
                try await TestDatabase.count(
                    "SELECT count(*)::bigint FROM idempotency_keys WHERE ticket_id = \(record.id)", on: client) == 1)
            // The key now names that ticket: another body with it is a reuse, and writes nothing.
            var other = key
            other.body = Array("{\"text\":2}".utf8)
            let reused = try await client.withConnection {
                try await TicketStore.insertReceived(Self.received(21), claiming: other, on: $0, logger: logger)
            }
            #expect(reused.earlierUse == .mismatch)
            #expect(try await Self.rows("tickets", on: client) == 1)
            #expect(try await Self.rows("outbox", on: client) == 1)
        }
    }

    @Test("the ticket answered comes with the history entry PostgreSQL stored, and a rollback leaves nothing")
    func answerMatchesStoredHistory() async throws {
        try await TestDatabase.with { client, _ in
            let logger = TestEnvironment.logger
            let ticket = Self.received(1)
            let answered = try await client.withConnection {
                try await TicketStore.insertReceived(ticket, claiming: nil, on: $0, logger: logger)
            }.created
            let stored = try await client.withConnection {
                try await TicketQueries.find(ticket.id, on: $0, logger: logger)
            }
            #expect(answered?.number == "\(ticket.number)")
            #expect(answered?.history?.count == 1)
            #expect(answered?.history == stored?.history)
            #expect(answered?.history?.first?.eventId == ticket.event.metadata.id)

            struct Abandoned: Error {}
            // The pool's transaction wraps the error that rolled it back.
            await #expect(throws: PostgresTransactionError.self) {
                try await client.withTransaction(logger: logger) {
                    _ = try await TicketStore.insertReceived(Self.received(2), claiming: nil, on: $0, logger: logger)
                    throw Abandoned()
                }
            }
            #expect(try await Self.rows("tickets", on: client) == 1)
            #expect(try await Self.rows("outbox", on: client) == 1)
            #expect(try await Self.rows("ticket_history", on: client) == 1)
        }
    }
}

extension RecordedIntake {
    fileprivate var created: TicketRecord? {
        if case .created(let ticket) = self { ticket } else { nil }
    }

    fileprivate var earlierUse: IdempotencyKeys.EarlierUse? {
        if case .keyClaimedBefore(let use) = self { use } else { nil }
    }
}
