import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineServices
import HotlineStorage
import PostgresNIO
import Testing

/// The 3-day leadership meeting against a real PostgreSQL: the SLA timer plans the meeting for a
/// township's dispatch, puts a ticket still unresolved on day 3 on the township's agenda (with
/// one inbox item), leaves a resolved one off, and the township's decision lands in the history.
@Suite("Leadership meeting in PostgreSQL")
struct LeadershipMeetingTests {
    static let township = "110105026"
    static let start = Date(timeIntervalSince1970: 1_796_083_200)

    /// A clock that always says `time`.
    struct StoppedClock: HotlineClock {
        let time: Date
        func now() -> Date { time }
    }

    /// Records nothing: these tests read no caller data.
    struct NoAudit: AuditTrail {
        func record(_ principal: Principal, read ticketId: UUID, purpose: String) {}
    }

    /// Inserts a ticket of the township in progress and lets the SLA timer plan its dispatch.
    static func dispatchedTicket(_ number: String, on client: PostgresClient) async throws -> UUID {
        let id = UUID()
        try await client.query(
            """
            INSERT INTO tickets (id, number, channel, type, caller_name, place_text, request_text, urgency, state, unit_code,
                                 district_code, township_code, received_at, updated_at, signed_at)
            VALUES (\(id), \(number), 'phone', 'complaint', '王小明', '望京', '路灯不亮', 'G', 'in_progress', \(township),
                    '110105', \(township), \(start), \(start), \(start))
            """, logger: TestEnvironment.logger)
        let dispatched = Event(
            id: UUID(), ticketId: id, occurredAt: start, producer: "dispatcher",
            payload: TicketDispatched(unitCode: township, urgency: .general, reason: "township leaf"))
        // As the SLA timer's consumer gets it: through the wire format.
        let consumed = ConsumedEvent(
            event: try EventCodec.decode(try EventCodec.encode(dispatched), accepting: [.ticketDispatched]).get(),
            trace: nil)
        let planning = TimerPlanning(planner: { _, _ in SLAPlanner(policy: .beijing) })
        try await client.withTransaction(logger: TestEnvironment.logger) { connection in
            try await planning.apply([consumed], on: connection, logger: TestEnvironment.logger)
        }
        return id
    }

    /// Loads the reference data (org units, time limits) from `Schemas/`.
    static func loadReference(on client: PostgresClient) async throws {
        try await client.withTransaction(logger: TestEnvironment.logger) {
            try await ReferenceStore.replace(
                with: try ReferenceData(schemaDirectory: TestDatabase.repositoryRoot.appendingPathComponent("Schemas")),
                on: $0, logger: TestEnvironment.logger)
        }
    }

    /// Fires every timer due at `time`.
    static func fireTimers(until time: Date, on client: PostgresClient) async throws {
        let ticker = SLATicker(
            producerName: "sla-timer", database: client, clock: StoppedClock(time: time),
            planner: { _, _ in SLAPlanner(policy: .beijing) }, batchSize: 500, interval: .milliseconds(10),
            logger: TestEnvironment.logger)
        while try await ticker.tickOnce().claimed > 0 {}
    }

    @Test(
        "the supervision list: the sub-center's own district's overdue tickets, the late step, the center's take-over")
    func supervisionList() async throws {
        try await TestDatabase.with { client, _ in
            try await Self.loadReference(on: client)
            let late = try await Self.dispatchedTicket("S-1", on: client)
            let dayOne = Self.start.addingTimeInterval(86_400)
            try await Self.fireTimers(until: dayOne, on: client)
            func list(
                _ scope: TicketScope, _ filter: SupervisionStore.Filter = SupervisionStore.Filter()
            )
                async throws -> [SupervisedTicket]
            {
                try await client.withConnection {
                    try await SupervisionStore.tickets(
                        within: scope, matching: filter, after: nil, limit: 10, on: $0, logger: TestEnvironment.logger)
                }
            }
            let chaoyang = try await list(.district("110105"))
            #expect(chaoyang.map(\.id) == [late])
            let entry = try #require(chaoyang.first)
            #expect(entry.level == .subCenter && entry.supervisingUnitCode == "110105")
            #expect(
                entry.lateSteps == [.assign, .signOff],
                "signed for in time, no handler assigned within 2 hours, not signed off by the leader within 4")
            #expect(entry.overdueAt == Self.start.addingTimeInterval(86_400))
            #expect(entry.centerEscalationAt == dayOne.addingTimeInterval(86_400))
            #expect(entry.nextStep(at: dayOne) == .centerTakesOver(at: dayOne.addingTimeInterval(86_400)))
            #expect(try await list(.district("110101")).isEmpty)
            #expect(try await list(.city, SupervisionStore.Filter(level: .center)).isEmpty)
            #expect(try await list(.city, SupervisionStore.Filter(unitCode: Self.township)).map(\.id) == [late])

            try await Self.fireTimers(until: dayOne.addingTimeInterval(86_400 + 1), on: client)
            let taken = try #require(try await list(.city).first)
            #expect(taken.level == .center && taken.supervisingUnitCode == OrgUnitCode.center)
            #expect(taken.nextStep(at: dayOne) == .centerSupervises)
        }
    }

    @Test("unresolved on day 3: on the agenda with one inbox item; resolved before: not; the decision in the history")
    func meetingAgenda() async throws {
        try await TestDatabase.with { client, _ in
            try await Self.loadReference(on: client)
            let open = try await Self.dispatchedTicket("M-1", on: client)
            let resolved = try await Self.dispatchedTicket("M-2", on: client)
            #expect(
                try await TestDatabase.count(
                    "SELECT count(*)::bigint FROM sla_timers WHERE kind = 'meeting' AND state = 'pending' AND due_at = \(Self.start.addingTimeInterval(3 * 86_400))",
                    on: client) == 2)
            try await client.query(
                "UPDATE tickets SET state = 'resolved' WHERE id = \(resolved)", logger: TestEnvironment.logger)

            let dayThree = Self.start.addingTimeInterval(3 * 86_400 + 60)
            try await Self.fireTimers(until: dayThree, on: client)

            let agenda = try await all(
                client.query(
                    "SELECT ticket_id, unit_code FROM meeting_agenda_items", logger: TestEnvironment.logger
                ).decode((UUID, String).self))
            #expect(agenda.map(\.0) == [open] && agenda.map(\.1) == [Self.township])
            let items = try await all(
                client.query(
                    "SELECT ticket_id, unit_code FROM inbox_items WHERE kind = 'meeting_agenda'",
                    logger: TestEnvironment.logger
                ).decode((UUID, String).self))
            #expect(items.map(\.0) == [open] && items.map(\.1) == [Self.township])
            #expect(
                try await TestDatabase.count(
                    "SELECT count(*)::bigint FROM outbox WHERE event_type = 'sla.timer_fired' AND convert_from(body, 'UTF8')::jsonb->'payload'->>'kind' = 'meeting'",
                    on: client) == 1)

            let repository = PostgresTicketRepository(
                database: client, numbering: client, logger: TestEnvironment.logger)
            let handling = HandleTicket(
                repository: repository, clock: StoppedClock(time: dayThree.addingTimeInterval(3600)),
                stamp: EventStamp(producer: "intake-gateway"), disclosure: TicketDisclosure(audit: NoAudit()))
            let lead = Principal(
                tokenId: UUID(), name: "street", role: .handler, unitCode: Self.township, unitKind: .township,
                districtCode: "110105")
            let request = HandlingRequest(
                person: "张伟", note: "周一派维修队，回电13812345678", deadline: dayThree.addingTimeInterval(2 * 86_400))
            _ = try await handling.perform(.meetingDecision, on: open, request, by: lead, purpose: "test")
            await #expect(throws: TicketError.handlingRefused(open, .meetingDecision, .notOnMeetingAgenda)) {
                _ = try await handling.perform(.meetingDecision, on: open, request, by: lead, purpose: "test")
            }
            let decided = try await all(
                client.query(
                    "SELECT owner, measure, target_date FROM meeting_agenda_items WHERE decided_at IS NOT NULL",
                    logger: TestEnvironment.logger
                ).decode((String, String, Date).self))
            #expect(decided.map(\.0) == ["张伟"])
            #expect(decided.first.map { !$0.1.contains("13812345678") } == true, "the measure is kept masked")
            #expect(decided.first?.2 == request.deadline)
            let history = try await TestDatabase.count(
                "SELECT count(*)::bigint FROM ticket_history WHERE ticket_id = \(open) AND event_type = 'ticket.handled' AND body->'payload'->>'action' = 'meeting_decision'",
                on: client)
            #expect(history == 1)

            let report = try await client.withConnection {
                try await ReportQueries.report(
                    period: "day", start: Self.start, end: dayThree.addingTimeInterval(86_400),
                    previousStart: Self.start.addingTimeInterval(-86_400), ranking: nil, on: $0,
                    logger: TestEnvironment.logger)
            }
            #expect(report.meetingAgenda.reduce(0) { $0 + $1.count } == 1)
            #expect(report.meetingDecisions.first { $0.code == "110105" }?.count == 1)
        }
    }
}
