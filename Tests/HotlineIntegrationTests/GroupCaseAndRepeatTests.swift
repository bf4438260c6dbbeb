import Foundation
import HotlineDomain
import HotlineServices
import HotlineStorage
import PostgresNIO
import Testing

/// Group cases and repeat requests against PostgreSQL, driving the dispatcher's per-ticket step,
/// the classifier's group linking and the group case use cases directly (no Kafka).
@Suite("Group cases and repeats in PostgreSQL")
struct GroupCaseAndRepeatTests {
    static let wangjing = "110105026"
    static let chaoyang = "110105"
    static let housing = "110105:department:housing"
    static let now = Date()

    /// Ignores unmasked reads: these tests read no caller data through the use cases.
    struct NoAudit: AuditTrail {
        func record(_ principal: Principal, read ticketId: UUID, purpose: String) {}
    }

    /// The reference data of `Schemas/`, stored (org units included), and its dispatch rule.
    static func prepare(_ client: PostgresClient) async throws -> (ReferenceData, DispatchRule) {
        let reference = try ReferenceData(
            schemaDirectory: TestDatabase.repositoryRoot.appendingPathComponent("Schemas"))
        try await client.withTransaction(logger: TestEnvironment.logger) {
            try await ReferenceStore.replace(with: reference, on: $0, logger: TestEnvironment.logger)
        }
        return (reference, DispatchRule(catalog: reference.catalog, subCenterConfidence: 0.5))
    }

    static func townshipLeaf(_ reference: ReferenceData) -> String {
        reference.catalog.leaves.first { $0.responsible == .township && $0.defaultUrgency == .general }!.code
    }

    /// Inserts a ticket of 望京 on `leaf` in `state`, led by `unit`, received `age` seconds ago.
    @discardableResult
    static func insertTicket(
        _ leaf: String, state: TicketState, unit: String?, age: TimeInterval = 60, on client: PostgresClient
    ) async throws -> UUID {
        let id = UUID()
        let received = now.addingTimeInterval(-age)
        try await client.query(
            """
            INSERT INTO tickets (id, number, channel, type, caller_name, caller_phone, place_text, request_text,
                                 category_code, urgency, state, unit_code, district_code, township_code, received_at, updated_at)
            VALUES (\(id), \("T-" + id.uuidString.prefix(8)), 'phone', 'complaint', '张三', '13800000000', '望京阜荣街',
                    '树上掉虫子', \(leaf), 'G', \(state.rawValue), \(unit), \(chaoyang), \(wangjing), \(received), \(received))
            """, logger: TestEnvironment.logger)
        return id
    }

    static func repository(_ client: PostgresClient) -> PostgresTicketRepository {
        PostgresTicketRepository(database: client, numbering: client, logger: TestEnvironment.logger)
    }

    static func handler(_ unit: String, _ kind: OrgUnit.Kind) -> Principal {
        Principal(
            tokenId: UUID(), name: "h-\(unit)", role: .handler, unitCode: unit, unitKind: kind, districtCode: chaoyang)
    }

    static func dispatch(
        _ id: UUID, _ leaf: String, repeatOf original: UUID, rule: DispatchRule, on client: PostgresClient
    ) async throws -> TicketDispatched? {
        let classified = TicketClassified(
            categoryCode: leaf, urgency: .general, confidence: 0.9, method: .model, districtCode: chaoyang,
            townshipCode: wangjing, repeatOf: original)
        let stamp = EventStamp(producer: "dispatcher")
        return try await client.withTransaction(logger: TestEnvironment.logger) { connection in
            var events = EventBatch()
            let dispatched = try await DispatcherWorker.dispatch(
                [DispatcherWorker.Classified(ticketId: id, classified: classified, trace: nil)], rule: rule,
                stamp: { stamp.event(about: $0, $1, at: now) }, into: &events, on: connection,
                logger: TestEnvironment.logger)[id]
            try await events.record(on: connection, logger: TestEnvironment.logger)
            return dispatched
        }
    }

    static func inboxCount(
        _ unit: String, _ kind: InboxKind, ticket: UUID, on client: PostgresClient
    ) async throws -> Int {
        try await TestDatabase.count(
            """
            SELECT count(*)::bigint FROM inbox_items WHERE unit_code = \(unit) AND kind = \(kind.rawValue) AND ticket_id = \(ticket)
            """, on: client)
    }

    @Test("a repeat goes back to the unit handling the original, with exactly one repeat item there")
    func repeatGoesBack() async throws {
        try await TestDatabase.with { client, _ in
            let (reference, rule) = try await Self.prepare(client)
            let leaf = Self.townshipLeaf(reference)
            let original = try await Self.insertTicket(leaf, state: .inProgress, unit: Self.housing, on: client)
            let repeated = try await Self.insertTicket(leaf, state: .classified, unit: nil, on: client)
            let dispatch = try #require(
                try await Self.dispatch(repeated, leaf, repeatOf: original, rule: rule, on: client))
            #expect(dispatch.unitCode == Self.housing)
            #expect(dispatch.occasion == .repeatRequest && dispatch.repeatOf == original)
            let ticket = try #require(try await Self.repository(client).read { try await $0.ticket(repeated) })
            #expect(ticket.unitCode == Self.housing && ticket.state == .dispatched)
            #expect(try await Self.inboxCount(Self.housing, .repeatRequest, ticket: repeated, on: client) == 1)
            #expect(
                try await TestDatabase.count(
                    "SELECT count(*)::bigint FROM inbox_items WHERE ticket_id = \(repeated)", on: client) == 1,
                "no other unit is told")
            #expect(
                try await Self.dispatch(repeated, leaf, repeatOf: original, rule: rule, on: client) == nil,
                "a replayed classification dispatches nothing again")
            #expect(try await Self.inboxCount(Self.housing, .repeatRequest, ticket: repeated, on: client) == 1)
        }
    }

    @Test("a repeat of a ticket its unit sent back is dispatched like a new ticket")
    func sentBackOriginal() async throws {
        try await TestDatabase.with { client, _ in
            let (reference, rule) = try await Self.prepare(client)
            let leaf = Self.townshipLeaf(reference)
            let original = try await Self.insertTicket(leaf, state: .dispatched, unit: Self.housing, on: client)
            let handling = HandleTicket(
                repository: Self.repository(client), clock: SystemClock(),
                stamp: EventStamp(producer: "intake-gateway"),
                disclosure: TicketDisclosure(audit: NoAudit()))
            _ = try await handling.perform(
                .sendBack, on: original, HandlingRequest(reason: "不属于住建委职责"),
                by: Self.handler(Self.housing, .department), purpose: "test")
            let operatorCaller = Principal(tokenId: UUID(), name: "op", role: .operator, unitCode: nil)
            _ = try await handling.perform(
                .decideSendBack, on: original, HandlingRequest(reason: "同意", approved: true), by: operatorCaller,
                purpose: "test")
            _ = try await handling.perform(
                .redispatch, on: original, HandlingRequest(leadUnit: Self.housing), by: operatorCaller, purpose: "test")
            let repeated = try await Self.insertTicket(leaf, state: .classified, unit: nil, on: client)
            let dispatch = try #require(
                try await Self.dispatch(repeated, leaf, repeatOf: original, rule: rule, on: client))
            #expect(dispatch.unitCode == Self.wangjing)
            #expect(dispatch.occasion == nil && dispatch.repeatOf == nil)
            #expect(try await Self.inboxCount(Self.wangjing, .dispatched, ticket: repeated, on: client) == 1)
            #expect(
                try await TestDatabase.count(
                    "SELECT count(*)::bigint FROM inbox_items WHERE kind = 'repeat'", on: client) == 0)
        }
    }

    /// Links `ids` as the classifier does, in order, and records `group_request.detected` when a
    /// case opens; returns the case.
    static func link(_ ids: [UUID], _ leaf: String, on client: PostgresClient) async throws -> TicketLinks.Group? {
        var last: TicketLinks.Group?
        for id in ids {
            last = try await client.withTransaction(logger: TestEnvironment.logger) { connection in
                let ticket = TicketLinks.Classified(
                    id: id, leafCode: leaf, townshipCode: wangjing, districtCode: nil, placeText: "望京阜荣街",
                    receivedAt: now)
                let group = try await TicketLinks.groupRequests(
                    for: [ticket], threshold: 10, window: 86_400, on: connection, logger: TestEnvironment.logger)[id]
                if let group, group.detected {
                    let detected = GroupRequestDetected(
                        groupRequestId: group.id, leafCode: leaf, townshipCode: wangjing,
                        ticketCount: group.ticketCount,
                        firstAt: group.firstAt, districtCode: group.districtCode)
                    try await EventRecorder.record(
                        EventStamp(producer: "classifier-worker").event(about: id, detected, at: now), trace: nil,
                        on: connection, logger: TestEnvironment.logger)
                }
                return group
            }
        }
        return last
    }

    /// Links `ids` (received a second apart, ten minutes ago on, `first` the earliest) as one
    /// classifier batch, in one transaction.
    static func linkBatch(
        _ ids: [UUID], first: Int, _ leaf: String, on client: PostgresClient
    ) async throws -> (groups: [UUID: TicketLinks.Group], originals: [UUID: UUID]) {
        let tickets = ids.enumerated().map { index, id in
            TicketLinks.Classified(
                id: id, leafCode: leaf, townshipCode: wangjing, districtCode: nil, placeText: "望京阜荣街",
                receivedAt: now.addingTimeInterval(Double(first + index - 600)))
        }
        return try await client.withTransaction(logger: TestEnvironment.logger) { connection in
            let originals = try await TicketLinks.linkRepeats(
                tickets, window: 86_400, on: connection, logger: TestEnvironment.logger)
            let groups = try await TicketLinks.groupRequests(
                for: tickets, threshold: 10, window: 86_400, on: connection, logger: TestEnvironment.logger)
            return (groups, originals)
        }
    }

    @Test(
        "one batch of twelve, two later tickets already classified: the eighth forms the case, every ticket is counted once, each repeats the first"
    )
    func wholeBatch() async throws {
        try await TestDatabase.with { client, _ in
            let (reference, _) = try await Self.prepare(client)
            let leaf = Self.townshipLeaf(reference)
            var ids: [UUID] = []
            for index in 0..<14 {
                ids.append(
                    try await Self.insertTicket(
                        leaf, state: .classified, unit: nil, age: Double(600 - index), on: client))
            }
            let (groups, originals) = try await Self.linkBatch(Array(ids.prefix(12)), first: 0, leaf, on: client)
            let formed = try #require(groups[ids[7]], "it sees the batch's first eight and the two later tickets")
            #expect(formed.detected && formed.ticketCount == 10 && formed.districtCode == Self.chaoyang)
            #expect(ids.prefix(7).allSatisfy { groups[$0] == nil }, "no case yet when they were linked")
            let joined = try #require(groups[ids[8]])
            #expect(joined.id == formed.id && joined.ticketCount == 11 && !joined.detected)
            #expect(groups[ids[11]]?.ticketCount == 14)
            #expect(
                try await TestDatabase.count(
                    "SELECT ticket_count::bigint FROM group_requests WHERE id = \(formed.id)", on: client) == 14)
            #expect(
                try await TestDatabase.count(
                    "SELECT count(*)::bigint FROM tickets WHERE group_request_id = \(formed.id)", on: client) == 14)
            #expect(originals[ids[0]] == nil && ids[1..<12].allSatisfy { originals[$0] == ids[0] })
            #expect(
                try await TestDatabase.count(
                    "SELECT count(*)::bigint FROM tickets WHERE repeat_of = \(ids[0])", on: client) == 13,
                "the batch's eleven, and the two later tickets already classified, relinked to the first")

            let (next, _) = try await Self.linkBatch(Array(ids.suffix(2)), first: 12, leaf, on: client)
            #expect(
                next[ids[12]]?.id == formed.id && next[ids[13]]?.ticketCount == 14 && next[ids[12]]?.detected == false,
                "already members: the open case keeps its count")
            #expect(
                try await TestDatabase.count(
                    "SELECT ticket_count::bigint FROM group_requests WHERE id = \(formed.id)", on: client) == 14)
        }
    }

    @Test("ten tickets open a case that tells township and sub-center once; one request resolves all ten")
    func groupCaseResolvedJointly() async throws {
        try await TestDatabase.with { client, _ in
            let (reference, _) = try await Self.prepare(client)
            let leaf = Self.townshipLeaf(reference)
            var ids: [UUID] = []
            for index in 0..<10 {
                ids.append(
                    try await Self.insertTicket(
                        leaf, state: index == 9 ? .dispatched : .inProgress, unit: Self.wangjing,
                        age: Double(60 + index),
                        on: client))
            }
            let group = try #require(try await Self.link(ids, leaf, on: client))
            #expect(group.ticketCount == 10 && group.districtCode == Self.chaoyang)
            for unit in [Self.wangjing, Self.chaoyang] {
                #expect(
                    try await TestDatabase.count(
                        "SELECT count(*)::bigint FROM inbox_items WHERE unit_code = \(unit) AND kind = 'group_case'",
                        on: client) == 1)
            }
            let late = try await Self.insertTicket(
                leaf, state: .inProgress, unit: Self.wangjing, age: 3 * 86_400, on: client)
            #expect(try await Self.link([late], leaf, on: client)?.id == group.id, "joins the open case, however late")
            #expect(
                try await TestDatabase.count(
                    "SELECT count(*)::bigint FROM inbox_items WHERE kind = 'group_case'", on: client) == 2)

            let resolver = ResolveGroupCase(
                repository: Self.repository(client), clock: SystemClock(), stamp: EventStamp(producer: "intake-gateway")
            )
            let named = ids[0]
            let resolution = GroupResolution(
                note: "已统一喷药", feedbackToCenter: "已办结", feedbackToCaller: "已喷药除虫",
                feedbackToCallers: [named.uuidString: "您家门前的树已先喷药"])
            let outcome = try await resolver.resolve(group.id, resolution, by: Self.handler(Self.wangjing, .township))
            #expect(Set(outcome.resolved) == Set(ids.dropLast() + [late]))
            #expect(outcome.refused.map(\.ticket.id) == [ids[9]], "the unsigned ticket is reported, not skipped")
            #expect(outcome.refused.first?.reason == .illegalTransition(from: .dispatched))
            #expect(outcome.groupCase.state == .open)
            #expect(
                try await TestDatabase.count(
                    "SELECT count(*)::bigint FROM ticket_history WHERE event_type = 'ticket.handled' AND body->'payload'->>'action' = 'resolve' AND ticket_id = ANY(\(ids + [late]))",
                    on: client) == 10, "each resolved ticket has its own resolve event")
            let feedback = try await Self.repository(client).read { try await $0.ticket(named) }?.feedbackToCaller
            #expect(feedback == "您家门前的树已先喷药")

            let handling = HandleTicket(
                repository: Self.repository(client), clock: SystemClock(),
                stamp: EventStamp(producer: "intake-gateway"),
                disclosure: TicketDisclosure(audit: NoAudit()))
            _ = try await handling.perform(
                .signFor, on: ids[9], HandlingRequest(), by: Self.handler(Self.wangjing, .township), purpose: "test")
            let subCenter = Self.handler(Self.chaoyang, .subCenter)
            let second = try await resolver.resolve(group.id, resolution, by: subCenter)
            #expect(second.resolved == [ids[9]] && second.refused.isEmpty)
            #expect(second.groupCase.state == .resolved && second.groupCase.resolvedAt != nil)
            #expect(second.tickets.count == 11 && second.tickets.allSatisfy { $0.state == .resolved })
            let other = Self.handler("110105023", .township)
            await #expect(throws: TicketError.noSuchGroupCase(group.id)) {
                try await resolver.resolve(group.id, resolution, by: other)
            }
            let reader = ReadGroupCases(repository: Self.repository(client))
            #expect(try await reader.list(after: nil, limit: 10, for: other).cases.isEmpty)
            #expect(try await reader.list(after: nil, limit: 10, for: subCenter).cases.map(\.id) == [group.id])
        }
    }
}
