import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineServices
import HotlineStorage
import PostgresNIO
import ServiceLifecycle
import Testing

@Suite("SLA timers in PostgreSQL")
struct SLATimerTests {
    static func ticker(_ client: PostgresClient, name: String, batch: Int) -> SLATicker {
        SLATicker(
            producerName: name, database: client, clock: SystemClock(),
            planner: { _, _ in SLAPlanner(policy: .beijing) }, batchSize: batch,
            interval: .milliseconds(10), logger: TestEnvironment.logger)
    }

    /// `count` dispatched tickets of 望京街道, with a finish deadline and two checkpoints each
    /// already due, and one timer far in the future.
    static func dueTimers(_ count: Int, on client: PostgresClient) async throws -> Int {
        try await client.withTransaction(logger: TestEnvironment.logger) { connection in
            try await connection.query(
                """
                INSERT INTO tickets (id, number, channel, type, place_text, request_text, urgency, state, unit_code, district_code,
                                     township_code, received_at, updated_at)
                SELECT gen_random_uuid(), 'T-' || n, 'phone', 'complaint', '望京', '路灯不亮', 'G', 'dispatched', '110105026', '110105',
                       '110105026', now(), now()
                FROM generate_series(1, \(count)) AS n
                """, logger: TestEnvironment.logger)
            try await connection.query(
                """
                INSERT INTO sla_timers (ticket_id, kind, due_at, unit_code, tier, district_code, created_at)
                SELECT id, kind, due, '110105026', 'G', '110105', now()
                FROM tickets, (VALUES ('deadline:finish', now() - interval '1 minute'), ('checkpoint:1', now() - interval '2 minutes'),
                                      ('checkpoint:3', now() - interval '3 minutes'), ('checkpoint:5', now() + interval '1 day')) AS timers(kind, due)
                """, logger: TestEnvironment.logger)
        }
        return count * 3
    }

    @Test("two SLA timer instances against one database fire every due timer exactly once")
    func twoInstancesFireEachOnce() async throws {
        try await TestDatabase.with { client, _ in
            let due = try await Self.dueTimers(300, on: client)
            let first = Self.ticker(client, name: "sla-timer-a", batch: 40)
            let second = Self.ticker(client, name: "sla-timer-b", batch: 40)
            async let a = Self.drain(first)
            async let b = Self.drain(second)
            let (firedByFirst, firedBySecond) = try await (a, b)
            #expect(firedByFirst + firedBySecond == due)
            #expect(
                firedByFirst > 0 && firedBySecond > 0, "both instances took part (\(firedByFirst), \(firedBySecond))")
            let events = try await TestDatabase.count(
                "SELECT count(*)::bigint FROM outbox WHERE event_type = 'sla.timer_fired'", on: client)
            let distinct = try await TestDatabase.count(
                "SELECT count(DISTINCT (convert_from(body, 'UTF8')::jsonb->>'ticket_id') || (convert_from(body, 'UTF8')::jsonb->'payload'->>'timer'))::bigint FROM outbox WHERE event_type = 'sla.timer_fired'",
                on: client)
            #expect(events == due)
            #expect(distinct == due)
            #expect(
                try await TestDatabase.count(
                    "SELECT count(*)::bigint FROM sla_timers WHERE state = 'pending'", on: client) == 300 + 300,
                "the day-5 checkpoints and the escalations wait")
            #expect(
                try await TestDatabase.count(
                    "SELECT count(*)::bigint FROM tickets WHERE supervision_level = 'sub_center' AND overdue_at IS NOT NULL",
                    on: client)
                    == 300)
            #expect(try await first.tickOnce() == SLATicker.Outcome())
            let inbox = try await all(
                client.query(
                    """
                    SELECT unit_code || ' ' || kind || ' ' || coalesce(note, ''), count(*)::bigint,
                           count(DISTINCT ticket_id)::bigint FROM inbox_items GROUP BY 1 ORDER BY 1
                    """, logger: TestEnvironment.logger
                ).decode((String, Int, Int).self)
            ).map { "\($0.0) \($0.1)/\($0.2)" }
            #expect(
                inbox == [
                    "110105 supervision sub_center 300/300", "110105026 checkpoint day 1 300/300",
                    "110105026 checkpoint day 3 300/300", "110105026 overdue finish 300/300",
                ], "each fired timer told its units once, whichever instance fired it")
        }
    }

    @Test("one tick writes every fired timer's event, history row and inbox items, and supervises each ticket once")
    func oneTickWritesTheWholeBatch() async throws {
        try await TestDatabase.with { client, _ in
            let due = try await Self.dueTimers(20, on: client)
            let versionBefore = try await TestDatabase.count("SELECT max(version)::bigint FROM tickets", on: client)
            let outcome = try await Self.ticker(client, name: "sla-timer-batch", batch: 100).tickOnce()
            #expect(outcome.claimed == due)
            #expect(outcome.fired == due)
            let events = try await TestDatabase.count(
                "SELECT count(*)::bigint FROM outbox WHERE event_type = 'sla.timer_fired'", on: client)
            let history = try await TestDatabase.count(
                """
                SELECT count(*)::bigint FROM ticket_history h JOIN outbox o ON o.event_id = h.event_id AND o.message_key = h.ticket_id::text
                WHERE h.event_type = 'sla.timer_fired'
                """, on: client)
            let withoutItems = try await TestDatabase.count(
                """
                SELECT count(*)::bigint FROM outbox o WHERE o.event_type = 'sla.timer_fired'
                AND NOT EXISTS (SELECT 1 FROM inbox_items i WHERE i.event_id = o.event_id AND i.ticket_id::text = o.message_key)
                """, on: client)
            let overdue = try await TestDatabase.count(
                "SELECT count(*)::bigint FROM tickets WHERE overdue_at IS NOT NULL AND supervision_level IS NOT NULL",
                on: client)
            let versions = try await TestDatabase.count(
                "SELECT count(DISTINCT version)::bigint FROM tickets WHERE version = \(versionBefore + 1)", on: client)
            #expect(events == due)
            #expect(history == due)
            #expect(withoutItems == 0)
            #expect(overdue == 20)
            #expect(versions == 1, "every ticket's version moved by exactly one")
        }
    }

    @Test("a timer whose step is done, or whose ticket moved on, is cancelled, not fired")
    func doneStepsAreCancelled() async throws {
        try await TestDatabase.with { client, _ in
            _ = try await Self.dueTimers(3, on: client)
            try await client.query(
                "UPDATE tickets SET state = 'resolved' WHERE number = 'T-1'; ", logger: TestEnvironment.logger)
            try await client.query(
                "UPDATE tickets SET unit_code = '110105023' WHERE number = 'T-2'", logger: TestEnvironment.logger)
            let outcome = try await Self.ticker(client, name: "sla-timer", batch: 100).tickOnce()
            #expect(outcome == SLATicker.Outcome(claimed: 9, fired: 3, cancelled: 6))
        }
    }

    @Test("under the shared simulated clock a week of a ticket's timers fires in seconds")
    func simulatedWeek() async throws {
        try await TestDatabase.with { client, _ in
            let clock = SharedClock(database: client, logger: TestEnvironment.logger)
            let start = Date(timeIntervalSince1970: 1_796_083_200)
            let ticket = SLATimerStore.TicketRef(id: UUID(), tier: .general, districtCode: "110105")
            try await client.withTransaction(logger: TestEnvironment.logger) { connection in
                try await connection.query(
                    """
                    INSERT INTO tickets (id, number, channel, type, place_text, request_text, urgency, state, unit_code, district_code, received_at, updated_at)
                    VALUES (\(ticket.id), 'S-1', 'phone', 'complaint', '望京', '路灯不亮', 'G', 'dispatched', '110105026', '110105', \(start), \(start))
                    """, logger: TestEnvironment.logger)
                let timers = SLAPlanner(policy: .beijing).timers(
                    dispatchedTo: "110105026", unitKind: .township, tier: .general, district: "110105", at: start)
                try await SLATimerStore.add(
                    timers, for: ticket, at: start, on: connection, logger: TestEnvironment.logger)
                // Four simulated days per real second, starting at the dispatch.
                try await SharedClock.set(
                    simulated: start, speed: 4 * 86_400, on: connection, logger: TestEnvironment.logger)
            }
            let ticker = SLATicker(
                producerName: "sla-timer", database: client, clock: clock,
                planner: { _, _ in SLAPlanner(policy: .beijing) },
                batchSize: 100,
                interval: .milliseconds(20), logger: TestEnvironment.logger)
            let services = ServiceGroup(
                configuration: .init(
                    services: [.init(service: clock), .init(service: ticker)], logger: TestEnvironment.logger))
            let running = Task { try await services.run() }
            // A bound on waiting, not a speed: CI runs the CPU-heavy simulation tests alongside.
            // The escalation is planned when the overdue finish deadline fires, from that tick's
            // time: on a loaded machine it can come due after the last checkpoint, so the wait
            // covers it and the meeting too.
            let fired: Int = try await eventually(within: .seconds(90), "a week of timers, the escalation included") {
                let firedSoFar = try await TestDatabase.counts(
                    "SELECT split_part(kind, ':', 1), count(*)::bigint FROM sla_timers WHERE state = 'fired' GROUP BY 1",
                    on: client)
                guard firedSoFar["checkpoint"] == 4, firedSoFar["escalation"] != nil, firedSoFar["meeting"] != nil
                else { return nil }
                return firedSoFar["checkpoint"]
            }
            await services.triggerGracefulShutdown()
            try await running.value
            #expect(fired == 4)
            #expect(clock.now().timeIntervalSince(start) > 7 * 86_400)
            let kinds = try await all(
                client.query(
                    "SELECT kind FROM sla_timers WHERE state = 'fired' ORDER BY due_at, kind",
                    logger: TestEnvironment.logger
                ).decode(String.self))
            #expect(
                kinds.prefix(4) == ["reminder:assign", "reminder:sign_for", "deadline:assign", "deadline:sign_for"])
            #expect(kinds.contains("deadline:finish") && kinds.contains("escalation"))
            // The clock ran on until the services stopped, so how many timers fired varies; each
            // fired timer must have told its units exactly once.
            let firedByKind = Dictionary(
                grouping: kinds, by: { String($0.split(separator: ":").first ?? "") }
            ).mapValues(\.count)
            // The township's own steps (the leader's sign-off here) are late without supervision.
            let townshipStepDeadlines = kinds.filter {
                SLAStep.townshipSteps.map { "deadline:\($0.rawValue)" }.contains($0)
            }.count
            #expect(townshipStepDeadlines == 1, "the sign-off, never taken")
            let inbox = try await TestDatabase.counts(
                "SELECT unit_code || ' ' || kind, count(*)::bigint FROM inbox_items GROUP BY 1", on: client)
            let expected = [
                "110105026 deadline_warning": firedByKind["reminder"],
                "110105026 checkpoint": firedByKind["checkpoint"],
                "110105026 overdue": firedByKind["deadline"],
                "110105 supervision": firedByKind["deadline"].map { $0 - townshipStepDeadlines },
                "110105026 escalated": firedByKind["escalation"], "110000 supervision": firedByKind["escalation"],
                "110105026 meeting_agenda": firedByKind["meeting"],
            ].compactMapValues { $0 }
            #expect(
                inbox == expected,
                "reminders, checkpoints, each overdue step (the ticket's told to the supervising sub-center too), the center's escalation and the meeting reach their inboxes"
            )
            #expect(expected.count == 7, "every kind of timer fired: \(firedByKind)")
        }
    }

    /// Ticks until nothing is due; returns how many timers this instance fired.
    static func drain(_ ticker: SLATicker) async throws -> Int {
        var fired = 0
        while true {
            let outcome = try await ticker.tickOnce()
            fired += outcome.fired
            if outcome.claimed == 0 { return fired }
        }
    }
}
