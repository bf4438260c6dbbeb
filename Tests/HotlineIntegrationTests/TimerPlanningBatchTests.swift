import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineServices
import HotlineStorage
import PostgresNIO
import Testing

/// The SLA timer's consumer applies a batch of dispatches and handling actions exactly as it
/// would apply them one event at a time: same timers, same states and times, same time limits.
@Suite("Timer planning, a batch at a time")
struct TimerPlanningBatchTests {
    static let start = Date(timeIntervalSince1970: 1_796_083_200)
    static let township = "110105026"
    static let department = "110105:department:housing"
    static let planning = TimerPlanning(planner: { _, _ in SLAPlanner(policy: .beijing) })

    /// As the consumer gets it: through the wire format.
    static func consumed<P: EventPayload>(
        _ payload: P, about ticket: UUID, after seconds: TimeInterval
    ) throws
        -> ConsumedEvent
    {
        let event = Event(
            id: UUID(), ticketId: ticket, occurredAt: start.addingTimeInterval(seconds), producer: "test",
            payload: payload)
        return ConsumedEvent(
            event: try EventCodec.decode(try EventCodec.encode(event), accepting: [P.eventType]).get(), trace: nil)
    }

    /// A database with the reference data and `tickets` in progress at the township.
    static func prepare(_ tickets: [UUID], on client: PostgresClient) async throws {
        try await client.withTransaction(logger: TestEnvironment.logger) { connection in
            try await ReferenceStore.replace(
                with: try ReferenceData(schemaDirectory: TestDatabase.repositoryRoot.appendingPathComponent("Schemas")),
                on: connection, logger: TestEnvironment.logger)
            for (index, id) in tickets.enumerated() {
                try await connection.query(
                    """
                    INSERT INTO tickets (id, number, channel, type, place_text, request_text, urgency, state, unit_code,
                                         district_code, township_code, received_at, updated_at)
                    VALUES (\(id), \("B-\(index)"), 'phone', 'complaint', '望京', '路灯不亮', 'G', 'dispatched',
                            \(township), '110105', \(township), \(start), \(start))
                    """, logger: TestEnvironment.logger)
            }
        }
    }

    /// Every timer and time limit, in a form two databases can be compared by.
    static func plans(on client: PostgresClient) async throws -> [String] {
        var lines: [String] = []
        let rows = try await client.query(
            """
            SELECT ticket_id::text || ' ' || kind || ' ' || due_at::text || ' ' || unit_code || ' ' || state || ' '
                   || created_at::text || ' ' || COALESCE(settled_at::text, '-')
            FROM sla_timers
            UNION ALL
            SELECT ticket_id::text || ' limits ' || unit_code || ' ' || urgency || ' ' || dispatched_at::text || ' '
                   || sign_for_by::text || ' ' || assign_by::text || ' ' || COALESCE(finish_by::text, '-')
            FROM ticket_deadlines
            ORDER BY 1
            """, logger: TestEnvironment.logger)
        for try await line in rows.decode(String.self) { lines.append(line) }
        return lines
    }

    @Test("dispatches, a sign-for and second dispatches in one batch plan what they plan one by one")
    func batchEqualsOneByOne() async throws {
        let (a, b, c) = (UUID(), UUID(), UUID())
        let signFor = TicketHandled(
            action: .signFor, state: .inProgress, unitCode: Self.township, actor: "h", actorRole: .handler,
            actorUnitCode: Self.township)
        let events = [
            try Self.consumed(
                TicketDispatched(unitCode: Self.township, urgency: .general, reason: "township leaf"), about: a,
                after: 0),
            try Self.consumed(
                TicketDispatched(unitCode: Self.township, urgency: .livelihood, reason: "township leaf"), about: b,
                after: 5),
            try Self.consumed(signFor, about: b, after: 60),
            try Self.consumed(
                TicketDispatched(unitCode: Self.department, urgency: .general, reason: "re-dispatch"), about: a,
                after: 120),
            try Self.consumed(
                TicketDispatched(unitCode: Self.department, urgency: .general, reason: "department leaf"), about: c,
                after: 130),
            try Self.consumed(
                TicketDispatched(unitCode: Self.township, urgency: .general, reason: "a ticket not stored"),
                about: UUID(), after: 140),
            try Self.consumed(
                TicketDispatched(unitCode: Self.township, urgency: .general, reason: "re-dispatch"), about: c,
                after: 150),
        ]
        let oneByOne = try await TestDatabase.with { client, _ in
            try await Self.prepare([a, b, c], on: client)
            for event in events {
                try await client.withTransaction(logger: TestEnvironment.logger) {
                    try await Self.planning.apply([event], on: $0, logger: TestEnvironment.logger)
                }
            }
            return try await Self.plans(on: client)
        }
        let batched = try await TestDatabase.with { client, _ in
            try await Self.prepare([a, b, c], on: client)
            try await client.withTransaction(logger: TestEnvironment.logger) {
                try await Self.planning.apply(events, on: $0, logger: TestEnvironment.logger)
            }
            return try await Self.plans(on: client)
        }
        #expect(oneByOne.contains { $0.hasPrefix("\(a.uuidString.lowercased()) limits \(Self.department)") })
        #expect(oneByOne.contains { $0.contains(" cancelled ") }, "the first dispatch's timers of a were cancelled")
        #expect(batched == oneByOne)
    }
}
