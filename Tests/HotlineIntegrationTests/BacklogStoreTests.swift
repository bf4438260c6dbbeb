import Foundation
import HotlineStorage
import PostgresNIO
import Testing

/// The figures operations watch, read from PostgreSQL: a producer's unpublished outbox rows and
/// the SLA timers past due that have not fired.
@Suite("Backlog store")
struct BacklogStoreTests {
    @Test("only the producer's unpublished rows count, aged from the oldest; none reads 0 and 0")
    func outboxBacklog() async throws {
        try await TestDatabase.with { client, _ in
            let logger = TestEnvironment.logger
            #expect(
                try await BacklogStore.outbox(producer: "dispatcher", on: client, logger: logger)
                    == .init(count: 0, oldestAgeSeconds: 0))
            try await client.query(
                """
                INSERT INTO outbox (event_id, producer, topic, message_key, event_type, schema_version, body,
                    created_at, published_at)
                VALUES (gen_random_uuid(), 'dispatcher', 't', 'k', 'ticket.dispatched', 1, '\\x00', now() - interval '90 seconds', NULL),
                       (gen_random_uuid(), 'dispatcher', 't', 'k', 'ticket.dispatched', 1, '\\x00', now() - interval '10 seconds', NULL),
                       (gen_random_uuid(), 'dispatcher', 't', 'k', 'ticket.dispatched', 1, '\\x00', now() - interval '1 hour', now()),
                       (gen_random_uuid(), 'classifier-worker', 't', 'k', 'ticket.classified', 1, '\\x00', now() - interval '1 hour', NULL)
                """, logger: logger)
            let backlog = try await BacklogStore.outbox(producer: "dispatcher", on: client, logger: logger)
            #expect(backlog.count == 2)
            #expect((90..<150).contains(backlog.oldestAgeSeconds))
        }
    }

    @Test("a pending timer counts as late only past the grace; fired and cancelled ones never")
    func lateTimers() async throws {
        try await TestDatabase.with { client, _ in
            let logger = TestEnvironment.logger
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            func insert(dueSecondsAgo: Int, state: String) async throws {
                let due = now.addingTimeInterval(-Double(dueSecondsAgo))
                try await client.query(
                    """
                    INSERT INTO sla_timers (ticket_id, kind, due_at, unit_code, tier, state, created_at)
                    VALUES (gen_random_uuid(), 'deadline:finish', \(due), '110105026', 'township', \(state), \(due))
                    """, logger: logger)
            }
            try await insert(dueSecondsAgo: 600, state: "pending")
            try await insert(dueSecondsAgo: 120, state: "pending")
            try await insert(dueSecondsAgo: 30, state: "pending")
            try await insert(dueSecondsAgo: -300, state: "pending")
            try await insert(dueSecondsAgo: 3_600, state: "fired")
            try await insert(dueSecondsAgo: 3_600, state: "cancelled")
            let late = try await BacklogStore.lateTimers(at: now, grace: 60, on: client, logger: logger)
            #expect(late == .init(count: 2, oldestAgeSeconds: 600))
            let none = try await BacklogStore.lateTimers(
                at: now.addingTimeInterval(-10_000), grace: 60, on: client, logger: logger)
            #expect(none == .init(count: 0, oldestAgeSeconds: 0))
        }
    }
}
