import Foundation
import HotlineGateway
import HotlineRuntime
import Hummingbird
import HummingbirdTesting
import Testing

/// The per-token rate limit through the routes (`RateLimitMiddleware`).
@Suite("Gateway rate limit")
struct RateLimitRouteTests {
    /// Two requests at once, then one every two seconds.
    static func limiter(_ clock: SettableClock) -> TokenRateLimiter {
        TokenRateLimiter(policy: RateLimitPolicy(perSecond: 0.5, burst: 2), clock: clock)
    }

    static func list(_ client: any TestClientProtocol, token: String) async throws -> TestResponse {
        try await client.execute(uri: "/tickets", method: .get, headers: GatewayHarness.headers(token))
    }

    @Test("past its burst a token gets 429 with Retry-After and a problem document; other tokens still pass")
    func tooManyRequests() async throws {
        try await GatewayHarness.test(rateLimiter: Self.limiter(SettableClock())) { client in
            for _ in 0..<2 { #expect(try await Self.list(client, token: "operator").status == .ok) }
            let refused = try await Self.list(client, token: "operator")
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter] == "2")
            #expect(refused.headers[.contentType] == "application/problem+json")
            let problem = try Problem(refused)
            #expect(problem.type == "/problems/rate-limited")
            #expect(problem.title == "Too many requests")
            #expect(problem.status == 429)
            #expect(
                problem.detail == "this token may send 2 requests at once and 0.5 a second after that; retry in 2 s")
            #expect(try await Self.list(client, token: "analyst").status == .ok)
            #expect(try await Self.list(client, token: "unknown").status == .unauthorized)
        }
    }

    @Test("once Retry-After has passed the token is served again")
    func recovery() async throws {
        let clock = SettableClock()
        try await GatewayHarness.test(rateLimiter: Self.limiter(clock)) { client in
            for _ in 0..<2 { _ = try await Self.list(client, token: "operator") }
            #expect(try await Self.list(client, token: "operator").headers[.retryAfter] == "2")
            clock.advance(by: 1)
            let stillRefused = try await Self.list(client, token: "operator")
            #expect(stillRefused.status == .tooManyRequests)
            #expect(stillRefused.headers[.retryAfter] == "1")
            clock.advance(by: 1)
            #expect(try await Self.list(client, token: "operator").status == .ok)
            #expect(try await Self.list(client, token: "operator").status == .tooManyRequests)
        }
    }
}
