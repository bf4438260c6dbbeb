import Foundation
import HotlineDomain
import Hummingbird
import HummingbirdTesting
import Testing

/// A unit's inbox through the API: who reads it, who marks it, and what a page holds.
@Suite("Gateway inbox")
struct InboxRouteTests {
    static let leadInbox = "/units/\(GatewayHarness.township)/inbox"

    /// Which tokens read the lead township's inbox: its own handlers, its district's sub-center and the city scope.
    static let readerMatrix: [(token: String, reads: Bool)] = [
        ("operator", true), ("admin", true), ("analyst", true), ("center", true), ("sub-center", true),
        ("other-sub-center", false), ("lead", true), ("neighbour", false), ("stranger", false), ("co-unit", false),
        ("summoned", false), ("city-department", false), ("no-unit", false),
    ]

    @Test("the lead township's inbox is read by its own handlers and the levels above it", arguments: readerMatrix)
    func readers(token: String, reads: Bool) async throws {
        try await GatewayHarness.test { client in
            let page = try await client.execute(
                uri: Self.leadInbox, method: .get, headers: GatewayHarness.headers(token))
            #expect(page.status == (reads ? .ok : .forbidden))
            guard reads else {
                #expect(try Problem(page).title == "Not your unit's inbox")
                return
            }
            let json = try page.json()
            let items = try #require(json["items"] as? [[String: Any]])
            #expect(items.map { $0["kind"] as? String } == ["dispatched"])
            #expect(items.first?["position"] as? String == "100-1")
            let counts = try #require(json["open_counts"] as? [String: Int])
            #expect(counts["dispatched"] == 1 && counts["summoned"] == 0)
            #expect(json["unread"] as? Int == 1)
        }
    }

    @Test("only the unit's own handlers mark its items; marking twice changes nothing")
    func marks() async throws {
        let inbox = GatewayHarness.inbox()
        try await GatewayHarness.test(inbox: inbox) { client in
            let body = GatewayHarness.body(#"{"ids": [1, 2]}"#)
            for token in ["sub-center", "center", "co-unit"] {
                let refused = try await client.execute(
                    uri: "\(Self.leadInbox)/acknowledge", method: .post, headers: GatewayHarness.headers(token),
                    body: body)
                #expect(refused.status == .forbidden, "\(token)")
            }
            let operatorMark = try await client.execute(
                uri: "\(Self.leadInbox)/read", method: .post, headers: GatewayHarness.headers("operator"), body: body)
            #expect(operatorMark.status == .forbidden)
            let read = try await client.execute(
                uri: "\(Self.leadInbox)/read", method: .post, headers: GatewayHarness.headers("lead"), body: body)
            #expect(try read.json()["changed"] as? [Int] == [1])
            let acknowledged = try await client.execute(
                uri: "\(Self.leadInbox)/acknowledge", method: .post, headers: GatewayHarness.headers("lead"), body: body
            )
            #expect(try acknowledged.json()["changed"] as? [Int] == [1])
            let again = try await client.execute(
                uri: "\(Self.leadInbox)/acknowledge", method: .post, headers: GatewayHarness.headers("lead"), body: body
            )
            #expect(try again.json()["changed"] as? [Int] == [])
            let open = try await client.execute(
                uri: "\(Self.leadInbox)?state=unacknowledged", method: .get, headers: GatewayHarness.headers("lead"))
            #expect((try open.json()["items"] as? [Any])?.isEmpty == true)
            #expect((try open.json()["open_counts"] as? [String: Int])?["dispatched"] == 0)
        }
    }

    @Test("bad queries and bodies are problems; an unknown unit is a 404")
    func problems() async throws {
        try await GatewayHarness.test { client in
            let headers = GatewayHarness.headers("admin")
            for query in ["kind=nonsense", "state=later", "cursor=-3", "limit=0", "ticket_id=x"] {
                let response = try await client.execute(
                    uri: "\(Self.leadInbox)?\(query)", method: .get, headers: headers)
                #expect(response.status == .badRequest, "\(query)")
            }
            let unknown = try await client.execute(uri: "/units/999999/inbox", method: .get, headers: headers)
            #expect(unknown.status == .notFound)
            #expect(try Problem(unknown).type == "/problems/unit-not-found")
            for body in [#"{"ids": []}"#, #"{"ids": "1"}"#, #"{}"#] {
                let response = try await client.execute(
                    uri: "\(Self.leadInbox)/read", method: .post, headers: GatewayHarness.headers("lead"),
                    body: GatewayHarness.body(body))
                #expect(response.status == .unprocessableContent, "\(body)")
            }
            let filtered = try await client.execute(
                uri: "/units/\(GatewayHarness.summoned)/inbox?kind=summoned,overdue", method: .get, headers: headers)
            #expect((try filtered.json()["items"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["summoned"])
        }
    }
}
