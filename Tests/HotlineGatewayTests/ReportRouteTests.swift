import Foundation
import HotlineDomain
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// `GET /reports`, `GET /reports/stored` and `GET /reports/warnings` through the router: each caller's scope, stored
/// against computed reports, and the refusals.
@Suite("Period report routes")
struct ReportRouteTests {
    /// The status and JSON body of `GET uri` with `token`.
    static func get(_ uri: String, _ token: String) async throws -> (HTTPResponse.Status, [String: Any]) {
        let result = Mutex<(HTTPResponse.Status, Data)>((.ok, Data()))
        try await GatewayHarness.test { client in
            try await client.execute(uri: uri, method: .get, headers: GatewayHarness.headers(token)) { response in
                result.withLock { $0 = (response.status, Data(response.body.readableBytesView)) }
            }
        }
        let (status, body) = result.withLock { $0 }
        return (status, try JSONSerialization.jsonObject(with: body) as? [String: Any] ?? [:])
    }

    @Test(
        "the city's watchers read the city's report, a sub-center its district's, a township its own",
        arguments: [
            ("analyst", "city"), ("admin", "city"), ("center", "city"), ("sub-center", GatewayHarness.district),
            ("lead", GatewayHarness.township), ("stranger", "110101001"),
        ])
    func scopes(token: String, scope: String) async throws {
        let (status, body) = try await Self.get("/reports?period=day&at=2026-11-20T10:00:00%2B08:00", token)
        #expect(status == .ok)
        let report = try #require(body["report"] as? [String: Any])
        #expect(report["scope"] as? String == scope)
        #expect(report["total"] as? Int == 7, "the stored report")
        let stored = try #require(body["stored"] as? [String: Any])
        #expect(stored["scope"] as? String == scope)
        #expect(stored["produced_at"] as? String == "2026-11-20T16:02:05Z")
    }

    @Test("a period the schedule did not store is computed on request, by default the one that ended last")
    func computed() async throws {
        let (status, body) = try await Self.get("/reports?period=hour", "sub-center")
        #expect(status == .ok)
        #expect(body["stored"] is NSNull)
        let report = try #require(body["report"] as? [String: Any])
        #expect(report["period"] as? String == "hour" && report["scope"] as? String == GatewayHarness.district)
        let start = try #require((report["start"] as? String).flatMap { try? Date($0, strategy: .iso8601) })
        #expect(start < Date() && start > Date().addingTimeInterval(-2 * 3600))
    }

    @Test(
        "early warnings: the city's watchers read every one, a sub-center its district's, a township its own leaf warnings",
        arguments: [
            ("analyst", ["110101", GatewayHarness.district, GatewayHarness.township]),
            ("center", ["110101", GatewayHarness.district, GatewayHarness.township]),
            ("sub-center", [GatewayHarness.district, GatewayHarness.township]), ("other-sub-center", ["110101"]),
            ("lead", [GatewayHarness.township]), ("neighbour", []),
        ])
    func warnings(token: String, places: [String]) async throws {
        let (status, body) = try await Self.get("/reports/warnings?from=2026-11-01&to=2026-11-30", token)
        #expect(status == .ok)
        #expect(body["from"] as? String == "2026-11-01" && body["to"] as? String == "2026-11-30")
        let items = try #require(body["items"] as? [[String: Any]])
        #expect(items.compactMap { ($0["township_code"] ?? $0["district_code"]) as? String }.sorted() == places)
        #expect(items.allSatisfy { $0["observed"] as? Int == 46 && $0["baseline"] as? String == "seasonal" })
    }

    @Test("early warnings outside the days asked for are not listed; by default the last 30 days up to today")
    func warningDays() async throws {
        let (_, before) = try await Self.get("/reports/warnings?from=2026-11-21&to=2026-11-30", "analyst")
        #expect((before["items"] as? [Any])?.isEmpty == true)
        let (status, recent) = try await Self.get("/reports/warnings", "analyst")
        #expect(status == .ok)
        let to = try #require(recent["to"] as? String)
        let from = try #require(recent["from"] as? String)
        #expect(to == CalendarDay(Date(), in: TimeZone(secondsFromGMT: 8 * 3600)!).isoDescription)
        #expect(from < to)
    }

    @Test(
        "early warnings are refused to departments and operators, and for days that are no span (400)",
        arguments: [
            ("co-unit", "", HTTPResponse.Status.forbidden), ("operator", "", .forbidden),
            ("analyst", "?from=2026-11-30&to=2026-11-01", .badRequest),
            ("analyst", "?from=2024-01-01&to=2026-11-01", .badRequest),
            ("analyst", "?from=2026-02-30", .badRequest), ("analyst", "?to=20261101", .badRequest),
        ])
    func warningRefusals(token: String, query: String, expected: HTTPResponse.Status) async throws {
        let (status, body) = try await Self.get("/reports/warnings" + query, token)
        #expect(status == expected)
        #expect(body["status"] as? Int == Int(expected.code))
    }

    @Test(
        "recurring problems: the city's watchers read every township's, a sub-center its district's, a township its own",
        arguments: [
            ("analyst", ["110101001", GatewayHarness.township]), ("sub-center", [GatewayHarness.township]),
            ("lead", [GatewayHarness.township]), ("stranger", ["110101001"]), ("neighbour", []),
        ])
    func recurring(token: String, townships: [String]) async throws {
        let (status, body) = try await Self.get("/reports/recurring?from=2026-11-01&to=2026-11-30", token)
        #expect(status == .ok)
        let items = try #require(body["items"] as? [[String: Any]])
        #expect(items.compactMap { $0["township_code"] as? String }.sorted() == townships)
        #expect(
            items.allSatisfy { ($0["unusual_weeks"] as? [String])?.count == 5 && $0["kind"] as? String == "persistent" }
        )
    }

    @Test("recurring problems are refused to departments and operators, and for days that are no span")
    func recurringRefusals() async throws {
        #expect(try await Self.get("/reports/recurring", "co-unit").0 == .forbidden)
        #expect(try await Self.get("/reports/recurring", "operator").0 == .forbidden)
        #expect(try await Self.get("/reports/recurring?from=2026-12-01&to=2026-11-01", "lead").0 == .badRequest)
    }

    @Test(
        "the governance class: every township's for the city's watchers, the district's for a sub-center, its own for a township",
        arguments: [
            ("analyst", ["110105026:2026-09:nil", "110101001:2026-10:2026-11"]),
            ("sub-center", ["110105026:2026-09:nil"]), ("lead", ["110105026:2026-09:nil"]), ("neighbour", []),
        ])
    func governanceClass(token: String, stays: [String]) async throws {
        let (status, body) = try await Self.get("/reports/governance-class", token)
        #expect(status == .ok)
        let items = try #require(body["items"] as? [[String: Any]])
        #expect(
            items.map {
                "\($0["unit_code"] as? String ?? ""):\($0["first_month"] as? String ?? ""):\($0["left_in"] as? String ?? "nil")"
            }
                == stays)
        #expect(try await Self.get("/reports/governance-class", "co-unit").0 == .forbidden)
    }

    @Test("the stored list is the caller's scope's")
    func stored() async throws {
        let (status, body) = try await Self.get("/reports/stored?period=week&limit=5", "lead")
        #expect(status == .ok)
        let items = try #require(body["items"] as? [[String: Any]])
        #expect(items.map { $0["scope"] as? String } == [GatewayHarness.township])
        #expect(items.map { $0["period"] as? String } == ["week"])
    }

    @Test(
        "operators, departments and handlers without a unit read no report",
        arguments: ["operator", "co-unit", "city-department", "no-unit"])
    func refused(token: String) async throws {
        #expect(try await Self.get("/reports?period=day", token).0 == .forbidden)
        #expect(try await Self.get("/reports/stored?period=day", token).0 == .forbidden)
    }

    @Test("a period, time or limit the API does not know is a 400")
    func invalid() async throws {
        #expect(try await Self.get("/reports?period=year", "analyst").0 == .badRequest)
        #expect(try await Self.get("/reports?at=yesterday", "analyst").0 == .badRequest)
        #expect(try await Self.get("/reports?at=0001-01-01T00:00:00Z", "analyst").0 == .badRequest)
        #expect(try await Self.get("/reports?at=9999-12-31T23:59:59Z", "analyst").0 == .badRequest)
        #expect(try await Self.get("/reports/stored?limit=0", "analyst").0 == .badRequest)
    }
}
