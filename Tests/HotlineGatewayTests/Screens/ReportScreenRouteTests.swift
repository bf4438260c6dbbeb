import Foundation
import HotlineScreens
import Hummingbird
import HummingbirdTesting
import Testing

/// The reports screen (`/ui/reports`): the period report in the reader's scope, stored or
/// counted now, the same readers as `GET /reports`.
@Suite("Screens: period reports")
struct ReportScreenRouteTests {
    /// The stored day of `InMemoryReports` (2026-11-20 in the city's zone).
    static let storedDay = "/ui/reports?period=day&at=2026-11-20"

    @Test("the city's watchers, a sub-center and a township read the stored report of their own scope")
    func scopes() async throws {
        try await ScreenHarness.test { client in
            for (user, scope) in [
                ("analyst", "全市"), ("admin", "全市"), ("center", "全市"),
                ("sub-center", "本区（\(GatewayHarness.district)）"), ("lead", "本街乡镇（\(GatewayHarness.township)）"),
            ] {
                let cookie = try #require(try await ScreenHarness.signIn(user, client: client))
                let page = try await client.execute(uri: Self.storedDay, method: .get, headers: [.cookie: cookie])
                #expect(page.status == .ok, "\(user)")
                let html = String(buffer: page.body)
                #expect(html.contains(#"<span id="report-scope">\#(scope)</span>"#), "\(user)")
                #expect(html.contains(#"<strong id="report-total">7</strong>"#), "\(user)")
                #expect(html.contains(#"id="report-produced""#), "\(user)")
                #expect(html.contains("2026-11-20 00:00 – 2026-11-21 00:00"), "\(user)")
                #expect(html.contains(#"href="/ui/reports" aria-current="page""#), "\(user)")
                #expect(html.contains(#"id="stored-reports""#), "\(user)")
            }
        }
    }

    @Test("a period the schedule did not store is counted now and says so; the steps move one period")
    func computed() async throws {
        try await ScreenHarness.test { client in
            let cookie = try #require(try await ScreenHarness.signIn("analyst", client: client))
            let page = try await client.execute(
                uri: "/ui/reports?period=week&at=2026-11-20T09:30", method: .get, headers: [.cookie: cookie])
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains(#"id="report-computed""#))
            #expect(!html.contains(#"id="report-produced""#))
            #expect(html.contains("2026-11-16 00:00 – 2026-11-23 00:00"))
            #expect(html.contains(#"href="/ui/reports?period=week&amp;at=2026-11-15T23:59" id="previous-report""#))
            #expect(html.contains(#"href="/ui/reports?period=week&amp;at=2026-11-23T00:00" id="next-report""#))
            #expect(html.contains(#"id="period-week" aria-current="page""#))
        }
    }

    @Test("operators and departments get the 403 page, and no link to it in their navigation")
    func refused() async throws {
        try await ScreenHarness.test { client in
            for user in ["operator", "co-unit", "city-department"] {
                let cookie = try #require(try await ScreenHarness.signIn(user, client: client))
                let page = try await client.execute(uri: Self.storedDay, method: .get, headers: [.cookie: cookie])
                #expect(page.status == .forbidden, "\(user)")
                #expect(!String(buffer: page.body).contains(#"href="/ui/reports""#), "\(user)")
            }
        }
    }

    @Test("a period or time the page cannot read is a 400 page that says what it takes")
    func badInput() async throws {
        try await ScreenHarness.test { client in
            let cookie = try #require(try await ScreenHarness.signIn("analyst", client: client))
            for (uri, words) in [
                ("/ui/reports?period=year", "周期应为"), ("/ui/reports?at=yesterday", "时间格式应为"),
                ("/ui/reports?at=1999-12-31", "时间格式应为"),
            ] {
                let page = try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie])
                #expect(page.status == .badRequest, "\(uri)")
                #expect(String(buffer: page.body).contains(words), "\(uri)")
            }
        }
    }
}
