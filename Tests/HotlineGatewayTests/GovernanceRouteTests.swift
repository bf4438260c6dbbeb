import Foundation
import HotlineDomain
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// The governance routes (每月一题) through the router: who reads which tasks, the effect in
/// the caller's district, progress by the lead only, and the refusals.
@Suite("Governance routes")
struct GovernanceRouteTests {
    static let lead = GatewayHarness.coUnit
    static let other = "110000:department:housing"

    /// Two tasks: one led by the fixture's co-unit (a district department), one by a city department.
    static func governance() async throws -> InMemoryGovernance {
        let march = CalendarDay(year: 2026, month: 3, day: 1)
        let counts: [String: [CalendarDay: Int]] = [
            GatewayHarness.district: [march: 4, march.addingMonths(-12): 8], "110101": [march: 2],
        ]
        let governance = InMemoryGovernance(counts: counts)
        for (lead, title) in [(lead, "占道经营治理"), (other, "物业服务治理")] {
            try await governance.adopt(
                GovernanceTask(
                    id: UUID(), screeningYear: 2025, leafCode: "URB0101", leafName: nil, title: title,
                    leadUnitCode: lead, coUnitCodes: [], measures: ["联合执法"], firstMonth: "2026-03",
                    lastMonth: "2030-12", adoptedBy: "admin", adoptedAt: Date()),
                notices: [])
        }
        return governance
    }

    /// The status and JSON body of `method uri` with `token` and `body`.
    static func call(
        _ method: HTTPRequest.Method, _ uri: String, _ token: String, body: String? = nil,
        governance: InMemoryGovernance
    ) async throws -> (HTTPResponse.Status, [String: Any]) {
        let result = Mutex<(HTTPResponse.Status, Data)>((.ok, Data()))
        try await GatewayHarness.test(governance: governance) { client in
            var headers = GatewayHarness.headers(token)
            headers[.contentType] = "application/json"
            try await client.execute(
                uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }
            ) { response in
                result.withLock { $0 = (response.status, Data(response.body.readableBytesView)) }
            }
        }
        let (status, data) = result.withLock { $0 }
        return (status, try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:])
    }

    @Test(
        "the city's watchers, sub-centers and townships read every task; a department only its own",
        arguments: [
            ("analyst", 2), ("admin", 2), ("center", 2), ("sub-center", 2), ("lead", 2), ("co-unit", 1),
            ("city-department", 1), ("summoned", 0),
        ])
    func listing(token: String, tasks: Int) async throws {
        let (status, body) = try await Self.call(
            .get, "/governance/tasks", token, governance: try await Self.governance())
        #expect(status == .ok)
        #expect((body["items"] as? [[String: Any]])?.count == tasks)
    }

    @Test("operators and grid workers read no tasks", arguments: ["operator", "no-unit"])
    func listingRefused(token: String) async throws {
        let (status, _) = try await Self.call(.get, "/governance/tasks", token, governance: try await Self.governance())
        #expect(status == .forbidden)
    }

    @Test("a task's effect: every district for the city, the caller's own for a sub-center")
    func effect() async throws {
        let governance = try await Self.governance()
        let id = try #require(try await governance.tasks(id: nil).first { $0.leadUnitCode == Self.lead }?.id)
        let (status, body) = try await Self.call(.get, "/governance/tasks/\(id)", "analyst", governance: governance)
        #expect(status == .ok)
        let effect = try #require(body["effect"] as? [String: Any])
        let districts = try #require(effect["districts"] as? [[String: Any]])
        #expect(Set(districts.compactMap { $0["district_code"] as? String }) == [GatewayHarness.district, "110101"])
        let chaoyang = try #require(districts.first { $0["district_code"] as? String == GatewayHarness.district })
        #expect(chaoyang["during"] as? Int == 4 && chaoyang["during_last_year"] as? Int == 8)
        #expect(chaoyang["change"] as? Double == -0.5)
        #expect((effect["city"] as? [String: Any])?["during"] as? Int == 6)

        let (_, own) = try await Self.call(.get, "/governance/tasks/\(id)", "sub-center", governance: governance)
        let ownDistricts = (own["effect"] as? [String: Any])?["districts"] as? [[String: Any]] ?? []
        #expect(ownDistricts.map { $0["district_code"] as? String } == [GatewayHarness.district])

        let (hidden, _) = try await Self.call(.get, "/governance/tasks/\(id)", "summoned", governance: governance)
        #expect(hidden == .notFound, "a department not involved does not see the task")
        let (bad, _) = try await Self.call(.get, "/governance/tasks/not-an-id", "analyst", governance: governance)
        #expect(bad == .badRequest)
    }

    @Test("the lead reports a month's progress, a correction replaces it; nobody else reports")
    func progress() async throws {
        let governance = try await Self.governance()
        let id = try #require(try await governance.tasks(id: nil).first { $0.leadUnitCode == Self.lead }?.id)
        let report = #"{"month": "2026-03", "status": "behind", "summary": "执法2次"}"#
        let (status, body) = try await Self.call(
            .post, "/governance/tasks/\(id)/progress", "co-unit", body: report, governance: governance)
        #expect(status == .ok)
        #expect(body["status"] as? String == "behind" && body["reported_by"] as? String == "co-unit")
        let correction = #"{"month": "2026-03", "status": "on_schedule", "summary": "执法4次"}"#
        _ = try await Self.call(
            .post, "/governance/tasks/\(id)/progress", "co-unit", body: correction, governance: governance)
        let stored = try #require(try await governance.tasks(id: id).first?.progress)
        #expect(stored.map(\.summary) == ["执法4次"])

        for token in ["analyst", "sub-center", "city-department"] {
            let (refused, _) = try await Self.call(
                .post, "/governance/tasks/\(id)/progress", token, body: report, governance: governance)
            #expect(refused == (token == "city-department" ? .notFound : .forbidden), "\(token)")
        }
        for bad in [
            #"{"month": "2025-12", "status": "behind", "summary": "x"}"#,
            #"{"month": "2026-03", "status": "late", "summary": "x"}"#,
            #"{"month": "2026-03", "status": "behind", "summary": ""}"#,
        ] {
            let (invalid, problem) = try await Self.call(
                .post, "/governance/tasks/\(id)/progress", "co-unit", body: bad, governance: governance)
            #expect(invalid == .unprocessableContent, "\(bad): \(problem)")
        }
    }

    @Test("only administrators adopt, only the city's watchers screen")
    func refusals() async throws {
        let governance = try await Self.governance()
        let adoption =
            #"{"screening_year": 2025, "leaf_code": "URB0101", "title": "t", "lead_unit_code": "x", "measures": ["m"], "first_month": "2026-03", "last_month": "2026-12"}"#
        for token in ["analyst", "center", "co-unit"] {
            let (status, _) = try await Self.call(
                .post, "/governance/tasks", token, body: adoption, governance: governance)
            #expect(status == .forbidden, "\(token)")
        }
        for token in ["sub-center", "lead", "co-unit", "operator"] {
            let (status, _) = try await Self.call(.get, "/governance/screening", token, governance: governance)
            #expect(status == .forbidden, "\(token)")
        }
        let (badYear, _) = try await Self.call(
            .get, "/governance/screening?year=1999", "analyst", governance: governance)
        #expect(badYear == .badRequest)
        #expect(governance.notices.isEmpty)
    }
}
