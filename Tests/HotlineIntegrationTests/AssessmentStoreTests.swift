import Foundation
import HotlineDomain
import HotlineStorage
import PostgresNIO
import Testing

/// The scoring aggregator's records written and read a batch at a time: its event log, the
/// tickets' facts and the units' live counters.
@Suite("Assessment store, a batch at a time")
struct AssessmentStoreTests {
    static let time = Date(timeIntervalSince1970: 1_800_000_000)
    static let zone = TimeZone(identifier: "Asia/Shanghai")!

    @Test("a batch's events are logged once each, and read back per ticket in the order they happened")
    func eventLog() async throws {
        try await TestDatabase.with { client, _ in
            let logger = TestEnvironment.logger
            let (first, second) = (UUID(), UUID())
            let (a, b, c) = (UUID(), UUID(), UUID())
            let batch: [(id: UUID, ticketId: UUID, occurredAt: Date, body: [UInt8])] = [
                (a, first, Self.time.addingTimeInterval(60), [1]), (b, first, Self.time, [2]),
                (c, second, Self.time, [3]), (a, first, Self.time.addingTimeInterval(60), [1]),
            ]
            try await client.withTransaction(logger: logger) { connection in
                try await AssessmentStore.log(batch, on: connection, logger: logger)
                try await AssessmentStore.log([batch[2]], on: connection, logger: logger)
            }
            #expect(try await TestDatabase.count("SELECT count(*)::bigint FROM scoring_events", on: client) == 3)
            let logged = try await client.withConnection {
                try await AssessmentStore.loggedEvents(of: [first, second, UUID()], on: $0, logger: logger)
            }
            #expect(logged == [first: [[2], [1]], second: [[3]]])
        }
    }

    @Test("facts of several tickets saved in one statement read back equal, absent district and finish time included")
    func factsRoundTrip() async throws {
        try await TestDatabase.with { client, _ in
            let logger = TestEnvironment.logger
            let month = CalendarDay(year: 2027, month: 1, day: 1)
            var redispatched = AssessmentFact(
                ticketId: UUID(), unitCode: "110105026", dispatchedAt: Self.time, month: month,
                districtCode: "110105", signForBy: Self.time.addingTimeInterval(3_600),
                finishBy: Self.time.addingTimeInterval(86_400))
            redispatched.sentBack = true
            var second = redispatched
            second.unitCode = "110105023"
            second.sentBack = false
            second.resolved = true
            second.reopened = 2
            var bare = AssessmentFact(
                ticketId: UUID(), unitCode: "110105011", dispatchedAt: Self.time, month: month, districtCode: nil,
                signForBy: Self.time.addingTimeInterval(600), finishBy: nil)
            bare.overdue = true
            try await client.withTransaction(logger: logger) {
                try await AssessmentStore.save([[redispatched, second], [bare]], on: $0, logger: logger)
            }
            second.satisfied = true
            try await client.withTransaction(logger: logger) {
                try await AssessmentStore.save([[redispatched, second]], on: $0, logger: logger)
            }
            let facts = try await client.withConnection {
                try await AssessmentStore.facts(of: [redispatched.ticketId, bare.ticketId], on: $0, logger: logger)
            }
            #expect(facts == [redispatched.ticketId: [redispatched, second], bare.ticketId: [bare]])
        }
    }

    @Test("increments of a batch add up per unit, period and metric, again on the next batch")
    func counters() async throws {
        try await TestDatabase.with { client, _ in
            let logger = TestEnvironment.logger
            let nextHour = Self.time.addingTimeInterval(3_600)
            let batch = [
                AssessmentStore.Increment(unitCode: "110105026", time: Self.time, metric: "dispatched", amount: 1),
                AssessmentStore.Increment(unitCode: "110105026", time: Self.time, metric: "dispatched", amount: 1),
                AssessmentStore.Increment(unitCode: "110105026", time: nextHour, metric: "dispatched", amount: 1),
                AssessmentStore.Increment(unitCode: "110105023", time: Self.time, metric: "reopened", amount: 2),
            ]
            for _ in 0..<2 {
                try await client.withTransaction(logger: logger) {
                    try await AssessmentStore.count(batch, timeZone: Self.zone, on: $0, logger: logger)
                }
            }
            func value(_ unit: String, _ period: String, _ metric: String) async throws -> Int {
                try await TestDatabase.count(
                    """
                    SELECT COALESCE(sum(value), 0)::bigint FROM unit_counters
                    WHERE unit_code = \(unit) AND period = \(period) AND metric = \(metric)
                    """, on: client)
            }
            #expect(try await value("110105026", "hour", "dispatched") == 6)
            #expect(
                try await TestDatabase.count(
                    "SELECT count(*)::bigint FROM unit_counters WHERE unit_code = '110105026' AND period = 'hour'",
                    on: client) == 2, "two hours")
            #expect(try await value("110105026", "day", "dispatched") == 6)
            #expect(try await value("110105026", "month", "dispatched") == 6)
            #expect(try await value("110105023", "month", "reopened") == 4)
        }
    }
}
