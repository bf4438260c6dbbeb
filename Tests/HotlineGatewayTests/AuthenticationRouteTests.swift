import Foundation
import HotlineDomain
import Hummingbird
import HummingbirdTesting
import Testing

/// Bearer tokens and the roles each route allows.
@Suite("Gateway authentication and roles")
struct AuthenticationRouteTests {
    @Test("no token, a malformed header or an unknown token: 401 asking for a bearer token")
    func unauthenticated() async throws {
        try await GatewayHarness.test { client in
            for token in [nil, "", "unknown"] {
                let response = try await client.execute(
                    uri: "/tickets", method: .get, headers: GatewayHarness.headers(token))
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try Problem(response)
                #expect(problem.type == "/problems/unauthorized")
                #expect(problem.title == "Authentication required")
                #expect(
                    problem.detail
                        == (token == "unknown"
                            ? "the token is unknown, revoked or expired"
                            : "send 'Authorization: Bearer <token>'; tokens are made with 'hotline tokens create'"))
            }
        }
    }

    /// Each route, and the roles it allows.
    static let routes: [(HTTPRequest.Method, String, Set<Role>)] = [
        (.post, "/tickets", Role.filing),
        (.get, "/tickets", Role.everyone),
        (.get, "/tickets/\(GatewayHarness.ticketId)", Role.everyone),
        (.get, "/review-queue", Role.intake),
        (.put, "/tickets/\(GatewayHarness.ticketId)/classification", Role.intake),
        (.post, "/tickets/\(GatewayHarness.ticketId)/answer", Role.intake),
        (.post, "/tickets/\(GatewayHarness.ticketId)/actions/sign_for", Role.ticketActions),
        (.post, "/classify", Role.readers),
        (.get, "/units/\(GatewayHarness.township)/queue", Role.everyone),
    ]

    @Test("a role a route does not allow gets 403 naming the allowed roles")
    func forbiddenRoles() async throws {
        try await GatewayHarness.test { client in
            for (method, path, allowed) in Self.routes {
                for (token, principal) in GatewayHarness.tokens where !allowed.contains(principal.role) {
                    let response = try await client.execute(
                        uri: path, method: method, headers: GatewayHarness.headers(token))
                    #expect(response.status == .forbidden, "\(token) \(method) \(path)")
                    let problem = try Problem(response)
                    #expect(problem.type == "/problems/forbidden")
                    #expect(problem.title == "Not allowed for this role")
                    #expect(
                        problem.detail
                            == "role '\(principal.role.rawValue)' may not do this; allowed: \(allowed.map(\.rawValue).sorted().joined(separator: ", "))"
                    )
                }
            }
        }
    }

    @Test("a role a route allows passes authentication and the role check")
    func allowedRoles() async throws {
        try await GatewayHarness.test { client in
            for (method, path, allowed) in Self.routes {
                for (token, principal) in GatewayHarness.tokens where allowed.contains(principal.role) {
                    let response = try await client.execute(
                        uri: path, method: method, headers: GatewayHarness.headers(token))
                    #expect(response.status != .unauthorized, "\(token) \(method) \(path)")
                    if response.status == .forbidden {
                        #expect(
                            try Problem(response).title != "Not allowed for this role", "\(token) \(method) \(path)")
                    }
                }
            }
        }
    }
}
