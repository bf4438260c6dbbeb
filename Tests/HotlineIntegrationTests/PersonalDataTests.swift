import Foundation
import HotlineDomain
import HotlineKafka
import HotlineRuntime
import HotlineServices
import HotlineStorage
import PostgresNIO
import Testing

/// Callers' personal data stays in the ticket row: no message on any topic and no view of the
/// analysts' schema shows a caller's name or phone, in any field or inside free text.
extension ServiceFlowTests {
    static let privacyPort = 18480

    /// A caller no earlier run used (random digits and characters), so messages of earlier
    /// runs on a long-lived broker cannot match.
    struct UniqueCaller {
        let name: String
        let mobile: String
        let landline: String

        init() {
            func digits(_ count: Int) -> String { (0..<count).map { _ in String(Int.random(in: 0...9)) }.joined() }
            let given = (0..<2).map { _ in Character(Unicode.Scalar(UInt32.random(in: 0x4E00...0x9FA5))!) }
            name = "欧阳" + String(given)
            mobile = "139" + digits(8)
            landline = "6" + digits(7)
        }

        var hyphenatedMobile: String { Self.grouped(mobile, separator: "-") }
        var spacedMobile: String { Self.grouped(mobile, separator: " ") }

        /// Every raw form that must appear nowhere.
        var rawForms: [String] { [name, mobile, hyphenatedMobile, spacedMobile, landline] }

        static func grouped(_ mobile: String, separator: String) -> String {
            let digits = Array(mobile)
            return String(digits[0..<3]) + separator + String(digits[3..<7]) + separator + String(digits[7...])
        }
    }

    @Test("no message on any topic and no analytics view carries a caller's name or phone")
    func personalDataStaysInTheTicketRow() async throws {
        try await TestDatabase.with { client, database in
            try await RunningServices.prepare(client)
            let base = URL(string: "http://127.0.0.1:\(Self.privacyPort)")!
            let operatorAPI = APIClient(base: base, token: try await RunningServices.token(.operator, on: client))
            let wangjing = APIClient(
                base: base, token: try await RunningServices.token(.handler, unit: Self.wangjing, on: client))
            let caller = UniqueCaller()
            let settings = RunningServices.settings(database: database, basePort: Self.privacyPort)
            let ids = try await RunningServices.with(HotlineServiceKind.allCases, settings: settings, build: Self.build)
            {
                try await operatorAPI.waitUntilUp()
                let handled = try await Self.postTicket(
                    operatorAPI, caller: caller, phone: caller.mobile,
                    text: "我是\(caller.name)，电话\(caller.hyphenatedMobile)，座机\(caller.landline)，楼道灯坏了一个月没人修")
                let other = try await Self.postTicket(
                    operatorAPI, caller: caller, phone: caller.landline,
                    text: "\(caller.name)反映楼上漏水，回电\(caller.spacedMobile)")
                for id in [handled, other] {
                    _ = try await eventually("ticket \(id) to be dispatched") {
                        try await operatorAPI.send("GET", "/tickets/\(id)").json["state"] as? String == "dispatched"
                            ? true : nil
                    }
                }
                #expect(try await Self.action(wangjing, handled, "sign_for").status == 200)
                let progress = try await Self.action(
                    wangjing, handled, "add_progress", ["note": "已联系\(caller.name)，电话\(caller.mobile)"])
                #expect(progress.status == 200)
                let resolved = try await Self.action(
                    wangjing, handled, "resolve",
                    [
                        "note": "楼道灯已修复，\(caller.name)确认", "feedback_to_caller": "已致电\(caller.spacedMobile)告知",
                        "feedback_to_center": "已办结，座机\(caller.landline)",
                    ])
                #expect(resolved.json["state"] as? String == "resolved", "\(resolved.text)")
                try await Self.waitUntilPublished([handled, other], on: client)
                return [handled, other]
            }
            try await Self.expectNoCallerOnTheTopics(caller, tickets: ids, on: client)
            try await Self.expectNoCallerInAnalytics(caller, on: client)
        }
    }

    /// Posts a ticket of `caller` dispatched to 望京 and returns its id.
    static func postTicket(_ api: APIClient, caller: UniqueCaller, phone: String, text: String) async throws -> UUID {
        let created = try await api.send(
            "POST", "/tickets",
            json: ticket(
                text, place: "朝阳区望京街道阜荣街10号", phone: phone, category: "PRP0101", extra: ["caller_name": caller.name]))
        return try #require(UUID(uuidString: created.json["id"] as? String ?? ""), "\(created.text)")
    }

    /// Waits until every event of `tickets` recorded so far is published.
    static func waitUntilPublished(_ tickets: [UUID], on client: PostgresClient) async throws {
        let keys = tickets.map { $0.uuidString.lowercased() }
        _ = try await eventually("the tickets' events to be published") {
            try await TestDatabase.count(
                "SELECT count(*)::bigint FROM outbox WHERE lower(message_key) = ANY(\(keys)) AND published_at IS NULL",
                on: client) == 0 ? true : nil
        }
    }

    /// Reads every platform topic, the dead-letter topic included, from the beginning until the
    /// tickets' own published events have all gone by, and searches each message.
    static func expectNoCallerOnTheTopics(
        _ caller: UniqueCaller, tickets: [UUID], on client: PostgresClient
    )
        async throws
    {
        let keys = tickets.map { $0.uuidString.lowercased() }
        let expected = Set(
            try await all(
                client.query(
                    "SELECT event_id FROM outbox WHERE lower(message_key) = ANY(\(keys))",
                    logger: TestEnvironment.logger
                ).decode(UUID.self)
            ).map { $0.uuidString.lowercased() })
        #expect(expected.count >= 9, "received, classified and dispatched events of two tickets, three handled")
        let consumer = try TestEnvironment.makeConsumer(
            group: TestEnvironment.uniqueName("privacy"), topics: HotlineTopic.allCases.map(\.name))
        var scanned = 0
        var seen = Set<String>()
        var leaks: [String] = []
        let deadline = ContinuousClock.now + .seconds(180)
        while ContinuousClock.now < deadline {
            let batch = try await consumer.poll(maxMessages: 1_000, timeout: .milliseconds(500))
            if batch.isEmpty, seen.isSuperset(of: expected) { break }
            for message in batch {
                scanned += 1
                let text =
                    message.text + String(decoding: message.key, as: UTF8.self)
                    + message.headers.map { String(decoding: $0.value, as: UTF8.self) }.joined(separator: "\n")
                for raw in caller.rawForms where text.contains(raw) {
                    leaks.append("\(message.topic)/\(message.partition)/\(message.offset) carries \(raw)")
                }
                if let id = message.header(EventHeaderName.eventId) { seen.insert(id.lowercased()) }
            }
        }
        await consumer.close()
        #expect(scanned > 0)
        #expect(seen.isSuperset(of: expected), "the tickets' own events were among the messages scanned")
        #expect(leaks.isEmpty, "\(leaks)")
    }

    /// Reads every view of the `analytics` schema as `hotline_analyst` and searches its rows.
    static func expectNoCallerInAnalytics(_ caller: UniqueCaller, on client: PostgresClient) async throws {
        let views = try await all(
            client.query(
                "SELECT table_name::text FROM information_schema.views WHERE table_schema = 'analytics' ORDER BY 1",
                logger: TestEnvironment.logger
            ).decode(String.self))
        #expect(views.contains("tickets") && views.contains("events"))
        let superuser = try await all(
            client.query("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", logger: TestEnvironment.logger)
                .decode(Bool.self))
        if superuser != [true] {
            try await client.query("GRANT hotline_analyst TO CURRENT_USER", logger: TestEnvironment.logger)
        }
        let contents = try await client.withTransaction(logger: TestEnvironment.logger) { connection in
            try await connection.query("SET LOCAL ROLE hotline_analyst", logger: TestEnvironment.logger)
            var contents: [String: String] = [:]
            for view in views {
                let rows = try await connection.query(
                    "SELECT query_to_xml(format('SELECT * FROM analytics.%I', \(view)::text), true, false, '')::text",
                    logger: TestEnvironment.logger)
                for try await text in rows.decode(String.self) { contents[view] = text }
            }
            return contents
        }
        #expect(contents.count == views.count)
        for (view, text) in contents {
            for raw in caller.rawForms {
                #expect(!text.contains(raw), "analytics.\(view) shows \(raw)")
            }
        }
        let tickets = contents["tickets"] ?? ""
        #expect(tickets.contains(PersonalDataMask.name(caller.name)))
        #expect(tickets.contains(PersonalDataMask.phone(caller.mobile)))
        #expect(tickets.contains(PersonalDataMask.phone(caller.landline)))
        #expect(tickets.contains("电话\(PersonalDataMask.phone(caller.hyphenatedMobile))"))
        let events = contents["events"] ?? ""
        #expect(events.contains("ticket.received") && events.contains("已联系\(PersonalDataMask.name(caller.name))"))
    }
}
