import Foundation
import HotlineDomain
import HotlineGateway
import HotlineKafka
import HotlineRuntime
import HotlineServices
import HotlineStorage
import PostgresNIO
import Testing

/// The intake gateway and the classifier worker running for real (HTTP, PostgreSQL, broker).
@Suite("The services running together (one at a time: they share consumer groups)", .serialized)
struct ServiceFlowTests {
    static let basePort = 18180

    static func build(_ kind: HotlineServiceKind, _ resources: ServiceResources) throws -> ServiceParts {
        switch kind {
        case .intakeGateway: try IntakeGateway.parts(resources)
        case .classifierWorker: try ClassifierWorker.parts(resources)
        case .dispatcher: try DispatcherWorker.parts(resources)
        case .slaTimer: try SLATimerWorker.parts(resources)
        case .scoringAggregator: try ScoringAggregatorWorker.parts(resources)
        }
    }

    static func ticket(
        _ text: String, place: String, phone: String? = nil, category: String? = nil, extra: [String: Any] = [:]
    ) -> [String: Any] {
        var body: [String: Any] = ["channel": "phone", "type": "complaint", "place_text": place, "text": text]
        if let phone { body["caller_phone"] = phone }
        if let category { body["category_code"] = category }
        return body.merging(extra) { $1 }
    }

    @Test("a POST becomes a classified ticket in PostgreSQL and a classified event; the API refuses what it must")
    func intakeToClassification() async throws {
        try await TestDatabase.with { client, database in
            try await RunningServices.prepare(client)
            let operatorToken = try await RunningServices.token(.operator, on: client)
            let analystToken = try await RunningServices.token(.analyst, on: client)
            let handlerToken = try await RunningServices.token(.handler, unit: "110105026", on: client)
            let settings = RunningServices.settings(database: database, basePort: Self.basePort)
            let classified = try TestEnvironment.makeConsumer(
                group: TestEnvironment.uniqueName("watch"),
                topics: [HotlineTopic.classified.name, HotlineTopic.lifecycle.name])
            try await RunningServices.with([.intakeGateway, .classifierWorker], settings: settings, build: Self.build) {
                let api = APIClient(base: URL(string: "http://127.0.0.1:\(Self.basePort)")!, token: operatorToken)
                try await api.waitUntilUp()

                // Authentication and roles.
                var anonymous = api
                anonymous.token = nil
                let unauthenticated = try await anonymous.send(
                    "POST", "/tickets", json: Self.ticket("路灯不亮", place: "东城区"))
                #expect(unauthenticated.status == 401)
                #expect(unauthenticated.headers["content-type"] == "application/problem+json")
                #expect(unauthenticated.headers["www-authenticate"] == "Bearer")
                #expect(try await anonymous.send("GET", "/healthz").status == 200)
                var analyst = api
                analyst.token = analystToken
                #expect(
                    try await analyst.send("POST", "/tickets", json: Self.ticket("路灯不亮", place: "东城区")).status == 403)
                var stranger = api
                stranger.token = "hl_not-a-token"
                #expect(try await stranger.send("GET", "/tickets").status == 401)

                // A ticket goes in and comes out classified.
                let created = try await api.send(
                    "POST", "/tickets",
                    json: Self.ticket("楼下饭馆油烟太大，熏得家里都是味，窗户都不敢开", place: "朝阳区望京街道阜荣街10号", phone: "13800138000"))
                #expect(created.status == 201)
                let id = try #require(UUID(uuidString: created.json["id"] as? String ?? ""))
                #expect(created.headers["location"] == "/tickets/\(id.uuidString)")
                #expect((created.json["number"] as? String)?.count == 15)
                let row = try await eventually("the ticket to be classified") {
                    try await all(
                        client.query(
                            "SELECT state, category_code, township_code, district_code FROM tickets WHERE id = \(id) AND state <> 'received'",
                            logger: TestEnvironment.logger
                        )
                        .decode((String, String?, String?, String?).self)
                    ).first
                }
                #expect(["classified", "needs_review"].contains(row.0))
                #expect(row.1?.hasPrefix("ENV") == true, "category \(row.1 ?? "none")")
                #expect(row.2 == "110105026")
                #expect(row.3 == "110105")
                let events = try await Self.events(of: id, from: classified, types: ["ticket.classified"])
                #expect(events.first?.payload(as: TicketClassified.self)?.townshipCode == "110105026")

                // Its history and the list.
                let read = try await api.send("GET", "/tickets/\(id)")
                let history = (read.json["history"] as? [[String: Any]] ?? []).compactMap {
                    $0["event_type"] as? String
                }
                #expect(history == ["ticket.received", "ticket.classified"])
                let listed = try await api.send("GET", "/tickets?q=%E6%B2%B9%E7%83%9F&place=110105&limit=5")
                #expect(
                    (listed.json["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String }.contains(
                        id.uuidString) == true)
                #expect(
                    try await analyst.send("GET", "/tickets/\(id)").json["caller_phone"] as? String == "138****8000")
                var handler = api
                handler.token = handlerToken
                #expect(try await handler.send("GET", "/tickets/\(id)").status == 404)
                #expect(
                    try await handler.send("POST", "/tickets", json: Self.ticket("路灯不亮", place: "东城区")).status == 403)

                try await Self.idempotency(api)
                try await Self.badRequests(api)
                try await Self.directAnswer(api, client: client)
                try await Self.review(api, client: client, watching: classified)
                try await Self.repeatsAndGroups(api, client: client, watching: classified)
                #expect(try await api.send("GET", "/openapi.yaml").status == 200)
                #expect(
                    try await anonymous.send("GET", "/healthz").status == 200, "the gateway survived every bad request")
            }
            await classified.close()
        }
    }

    static func idempotency(_ api: APIClient) async throws {
        let body = Self.ticket("小区门口的井盖丢了", place: "西城区金融街街道")
        let first = try await api.send("POST", "/tickets", json: body, headers: ["Idempotency-Key": "retry-1"])
        let again = try await api.send("POST", "/tickets", json: body, headers: ["Idempotency-Key": "retry-1"])
        #expect(first.status == 201)
        #expect(again.status == 200)
        #expect(again.headers["idempotent-replayed"] == "true")
        #expect(again.json["id"] as? String == first.json["id"] as? String)
        let other = try await api.send(
            "POST", "/tickets", json: Self.ticket("另一件事", place: "西城区"), headers: ["Idempotency-Key": "retry-1"])
        #expect(other.status == 422)
        #expect(other.json["type"] as? String == "/problems/idempotency-key-reused")
    }

    static func badRequests(_ api: APIClient) async throws {
        let cases: [(String, Data, Int)] = [
            ("not JSON", Data("{".utf8), 400),
            ("invalid UTF-8", Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D]), 400),
            (
                "missing text",
                try JSONSerialization.data(withJSONObject: ["channel": "phone", "type": "help", "place_text": "东城区"]),
                422
            ),
            (
                "unknown channel",
                try JSONSerialization.data(
                    withJSONObject: Self.ticket("路灯不亮", place: "东城区", extra: ["channel": "fax"])),
                422
            ),
            (
                "bad phone", try JSONSerialization.data(withJSONObject: Self.ticket("路灯不亮", place: "东城区", phone: "12")),
                422
            ),
            (
                "unknown category",
                try JSONSerialization.data(withJSONObject: Self.ticket("路灯不亮", place: "东城区", category: "NOPE01")), 422
            ),
            (
                "oversized",
                try JSONSerialization.data(
                    withJSONObject: Self.ticket(String(repeating: "长", count: 40_000), place: "东城区")),
                413
            ),
            (
                "too long text",
                try JSONSerialization.data(
                    withJSONObject: Self.ticket(String(repeating: "长", count: 2_001), place: "东城区")), 422
            ),
            (
                "unknown article",
                try JSONSerialization.data(
                    withJSONObject: Self.ticket("咨询", place: "东城区", extra: ["answer": ["article_id": "KB9999"]])),
                422
            ),
        ]
        for (name, body, status) in cases {
            let reply = try await api.send("POST", "/tickets", body: body)
            #expect(reply.status == status, "\(name): \(reply.status) \(reply.text)")
            #expect(reply.headers["content-type"] == "application/problem+json", "\(name)")
            #expect(reply.json["status"] as? Int == status, "\(name)")
        }
        let phone = try await api.send("POST", "/tickets", json: Self.ticket("路灯不亮", place: "东城区", phone: "12"))
        #expect((phone.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "caller_phone")
        #expect(try await api.send("GET", "/tickets/not-a-uuid").status == 400)
        #expect(try await api.send("GET", "/tickets/\(UUID())").status == 404)
        #expect(try await api.send("GET", "/tickets?state=flying").status == 400)
        #expect(try await api.send("GET", "/tickets?limit=100000").status == 400)
    }

    static func directAnswer(_ api: APIClient, client: PostgresClient) async throws {
        let article = try #require(
            ((try await api.send("GET", "/knowledge?q=%E4%BE%9B%E6%9A%96").json["items"]) as? [[String: Any]])?.first?[
                "id"] as? String)
        let body = Self.ticket(
            "请问今年什么时候开始供暖", place: "海淀区", extra: ["type": "consultation", "answer": ["article_id": article]])
        let answered = try await api.send("POST", "/tickets", json: body, headers: ["Idempotency-Key": "answered-1"])
        #expect(answered.status == 201)
        // A retry of an answer given on the spot is the same ticket, answered once.
        let retried = try await api.send("POST", "/tickets", json: body, headers: ["Idempotency-Key": "answered-1"])
        #expect(retried.status == 200)
        #expect(retried.headers["idempotent-replayed"] == "true")
        #expect(retried.json["id"] as? String == answered.json["id"] as? String)
        #expect(answered.json["state"] as? String == "answered_directly")
        #expect(answered.json["answer_article_id"] as? String == article)
        let id = try #require(UUID(uuidString: answered.json["id"] as? String ?? ""))
        try await Task.sleep(for: .seconds(2))
        let state = try await all(
            client.query("SELECT state FROM tickets WHERE id = \(id)", logger: TestEnvironment.logger).decode(
                String.self))
        #expect(state == ["answered_directly"], "the classifier must not reopen an answered ticket")
        let again = try await api.send("POST", "/tickets/\(id)/answer", json: ["text": "再答一次"])
        #expect(again.status == 409)
    }

    static func review(_ api: APIClient, client: PostgresClient, watching consumer: KafkaConsumer) async throws {
        let unclear = try await api.send("POST", "/tickets", json: Self.ticket("？？？……", place: "东城区"))
        let id = try #require(UUID(uuidString: unclear.json["id"] as? String ?? ""))
        _ = try await eventually("the ticket in the review queue") {
            let queue = try await api.send("GET", "/review-queue?limit=50").json["items"] as? [[String: Any]] ?? []
            return queue.contains { $0["id"] as? String == id.uuidString } ? true : nil
        }
        let leaf = "MUN0101"
        let set = try await api.send("PUT", "/tickets/\(id)/classification", json: ["category_code": leaf])
        #expect(set.status == 200, "\(set.text)")
        #expect(set.json["state"] as? String == "classified")
        #expect(set.json["category_code"] as? String == leaf)
        #expect(
            try await api.send("PUT", "/tickets/\(id)/classification", json: ["category_code": "MUN"]).status == 422)
        let examples = try await TestDatabase.count(
            "SELECT count(*)::bigint FROM classification_examples WHERE ticket_id = \(id)", on: client)
        #expect(examples == 1)
        let events = try await Self.events(of: id, from: consumer, types: ["ticket.classified"], count: 2)
        let methods = events.compactMap { $0.payload(as: TicketClassified.self)?.method }
        #expect(methods.contains(.operatorChoice))
    }

    static func repeatsAndGroups(
        _ api: APIClient, client: PostgresClient, watching consumer: KafkaConsumer
    ) async throws {
        let leaf = "GRN0101"
        var ids: [UUID] = []
        for index in 0..<10 {
            let phone = index < 2 ? "13900139000" : "1390013\(String(format: "%04d", index))"
            let reply = try await api.send(
                "POST", "/tickets", json: Self.ticket("树上的毛毛虫掉下来了", place: "房山区窦店镇", phone: phone, category: leaf))
            ids.append(try #require(UUID(uuidString: reply.json["id"] as? String ?? "")))
        }
        let grouped = try await eventually("the group request") {
            let count = try await TestDatabase.count(
                "SELECT count(*)::bigint FROM tickets WHERE group_request_id IS NOT NULL AND id = ANY(\(ids))",
                on: client)
            return count == 10 ? count : nil
        }
        #expect(grouped == 10)
        let repeatOf = try await all(
            client.query("SELECT repeat_of FROM tickets WHERE id = \(ids[1])", logger: TestEnvironment.logger).decode(
                UUID?.self))
        #expect(repeatOf == [ids[0]])
        let detected = try await Self.events(of: nil, from: consumer, types: ["group_request.detected"])
        #expect(detected.first?.payload(as: GroupRequestDetected.self)?.ticketCount == 10)
    }

    /// Events of `types` (about `ticketId`, when given) read from `consumer`, at least `count`.
    static func events(
        of ticketId: UUID?, from consumer: KafkaConsumer, types: Set<String>, count: Int = 1
    ) async throws -> [DecodedEvent] {
        try await events(of: ticketId.map { [$0] }, from: consumer, types: types, count: count)
    }

    /// Events of `types` (about one of `tickets`, when given) read from `consumer`, at least `count`.
    static func events(
        of tickets: Set<UUID>?, from consumer: KafkaConsumer, types: Set<String>, count: Int
    ) async throws -> [DecodedEvent] {
        var found: [DecodedEvent] = []
        let deadline = ContinuousClock.now + .seconds(30)
        while found.count < count, ContinuousClock.now < deadline {
            for message in try await consumer.poll(maxMessages: 100, timeout: .milliseconds(200)) {
                guard case .success(let event) = EventCodec.decode(message.value, accepting: Set(EventType.allCases)),
                    types.contains(event.metadata.type.rawValue), tickets?.contains(event.metadata.ticketId) ?? true
                else { continue }
                found.append(event)
            }
        }
        guard found.count >= count else {
            throw TimedOut(description: "saw \(found.count) of \(count) events \(types)")
        }
        return found
    }
}
