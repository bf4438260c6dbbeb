import Foundation
import HotlineDomain
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /units/{code}/inbox/stream` without a socket: the refusals before the stream starts, and
/// the catch-up of a stream that does not stay open (`live=false`) as Server-Sent Events.
@Suite("Inbox stream route")
struct InboxStreamRouteTests {
    static let path = "/units/\(GatewayHarness.township)/inbox/stream"

    /// The response to `uri` for `token`, with `Last-Event-ID` when `lastEventId` is given.
    static func stream(
        _ client: some TestClientProtocol, _ uri: String = path, token: String?, lastEventId: String? = nil
    ) async throws -> TestResponse {
        var headers = GatewayHarness.headers(token)
        if let lastEventId { headers[.init("Last-Event-ID")!] = lastEventId }
        return try await client.execute(uri: uri, method: .get, headers: headers)
    }

    @Test("no token: 401 problem")
    func unauthenticated() async throws {
        try await GatewayHarness.test { client in
            let response = try await Self.stream(client, token: nil)
            #expect(response.status == .unauthorized)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
    }

    @Test("a unit outside the caller's scope: 403 problem; an unknown unit: 404 problem")
    func outOfScope() async throws {
        try await GatewayHarness.test { client in
            let stranger = try await Self.stream(client, token: "stranger")
            #expect(stranger.status == .forbidden)
            #expect(try Problem(stranger).type == "/problems/forbidden")
            let unknown = try await Self.stream(client, "/units/nowhere/inbox/stream", token: "operator")
            #expect(unknown.status == .notFound)
            #expect(try Problem(unknown).type == "/problems/unit-not-found")
        }
    }

    @Test(
        "a malformed Last-Event-ID (header or query) or live value: 400 problem",
        arguments: [
            (nil, "?last_event_id=abc"), ("12", ""), ("1-2-3", ""), ("-1-2", ""), (nil, "?live=maybe"),
        ] as [(String?, String)])
    func malformed(header: String?, query: String) async throws {
        try await GatewayHarness.test { client in
            let response = try await Self.stream(client, Self.path + query, token: "lead", lastEventId: header)
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
    }

    @Test("live=false after a position: the unit's items after it as SSE events, then the end")
    func catchUp() async throws {
        try await GatewayHarness.test { client in
            let response = try await Self.stream(client, Self.path + "?live=false&last_event_id=0-0", token: "lead")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/event-stream")
            let body = String(buffer: response.body)
            #expect(body.hasPrefix("retry: 3000\n\n"))
            let events = body.components(separatedBy: "\n\n").filter { $0.hasPrefix("id: ") }
            #expect(events.count == 1, "only the township's item, not the co-unit's or the summoned's")
            let lines = try #require(events.first).split(separator: "\n").map(String.init)
            #expect(lines.prefix(2) == ["id: 100-1", "event: dispatched"])
            let data = try #require(lines.last?.dropFirst("data: ".count))
            let item = try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any]
            #expect(item?["unit_code"] as? String == GatewayHarness.township)
            #expect(item?["position"] as? String == "100-1")
        }
    }

    @Test("the Last-Event-ID header wins over the query parameter (a reconnecting EventSource sends both)")
    func headerWins() async throws {
        try await GatewayHarness.test { client in
            let response = try await Self.stream(
                client, Self.path + "?live=false&last_event_id=0-0", token: "lead", lastEventId: "100-1")
            #expect(response.status == .ok)
            #expect(!String(buffer: response.body).contains("id: "), "nothing after the header's position")
        }
    }
}
