import Foundation
import HotlineDomain
import Hummingbird
import HummingbirdTesting
import Testing

/// Which tickets and queues a handler reaches, and what a handling action does through the API.
@Suite("Gateway scope")
struct ScopeRouteTests {
    static let ticketPath = "/tickets/\(GatewayHarness.ticketId)"

    @Test("the lead unit's handler reads the ticket; another unit's handler is told there is none")
    func readScope() async throws {
        try await GatewayHarness.test { client in
            let own = try await client.execute(
                uri: Self.ticketPath, method: .get, headers: GatewayHarness.headers("lead"))
            #expect(own.status == .ok)
            #expect(try own.json()["unit_code"] as? String == GatewayHarness.township)
            let other = try await client.execute(
                uri: Self.ticketPath, method: .get, headers: GatewayHarness.headers("stranger"))
            #expect(other.status == .notFound)
            #expect(
                try Problem(other)
                    == Problem(
                        type: "/problems/ticket-not-found", title: "No such ticket", status: 404,
                        detail: "no ticket has id \(GatewayHarness.ticketId)"))
        }
    }

    @Test("analysts see the caller's phone masked, operators whole")
    func phoneMask() async throws {
        try await GatewayHarness.test { client in
            let analyst = try await client.execute(
                uri: Self.ticketPath, method: .get, headers: GatewayHarness.headers("analyst"))
            #expect(try analyst.json()["caller_phone"] as? String == "138****8000")
            let operatorView = try await client.execute(
                uri: Self.ticketPath, method: .get, headers: GatewayHarness.headers("operator"))
            #expect(try operatorView.json()["caller_phone"] as? String == "13800138000")
        }
    }

    @Test("a handler lists only its unit's tickets, whatever unit it asks for")
    func listScope() async throws {
        try await GatewayHarness.test { client in
            let own = try await client.execute(uri: "/tickets", method: .get, headers: GatewayHarness.headers("lead"))
            #expect((try own.json()["items"] as? [Any])?.count == 1)
            let other = try await client.execute(
                uri: "/tickets?unit=\(GatewayHarness.township)", method: .get,
                headers: GatewayHarness.headers("stranger"))
            #expect((try other.json()["items"] as? [Any])?.count == 0)
            #expect(try other.json()["next_cursor"] is NSNull)
        }
    }

    @Test("a handler reads its own unit's queue; another unit's is forbidden")
    func queueScope() async throws {
        try await GatewayHarness.test { client in
            let path = "/units/\(GatewayHarness.township)/queue"
            let own = try await client.execute(uri: path, method: .get, headers: GatewayHarness.headers("lead"))
            #expect(own.status == .ok)
            #expect(try own.json()["unit_code"] as? String == GatewayHarness.township)
            #expect((try own.json()["items"] as? [[String: Any]])?.first?["role"] as? String == "lead")
            let other = try await client.execute(uri: path, method: .get, headers: GatewayHarness.headers("stranger"))
            #expect(
                try Problem(other)
                    == Problem(
                        type: "/problems/forbidden", title: "Not your unit's queue", status: 403,
                        detail: "handlers read only their own unit's queue"))
        }
    }

    @Test("another unit's handler acting on the ticket is told there is none; nothing changes")
    func actionScope() async throws {
        let repository = InMemoryTicketRepository([try GatewayHarness.dispatchedTicket()])
        try await GatewayHarness.test(repository) { client in
            let response = try await client.execute(
                uri: "\(Self.ticketPath)/actions/sign_for", method: .post, headers: GatewayHarness.headers("stranger"),
                body: GatewayHarness.body("{}"))
            #expect(response.status == .notFound)
            #expect(try Problem(response).type == "/problems/ticket-not-found")
        }
        #expect(repository.decisions.isEmpty)
        #expect(repository.events.isEmpty)
    }

    @Test("the lead unit signs for its ticket: the decision is applied and the event recorded")
    func signFor() async throws {
        let repository = InMemoryTicketRepository([try GatewayHarness.dispatchedTicket()])
        try await GatewayHarness.test(repository) { client in
            let response = try await client.execute(
                uri: "\(Self.ticketPath)/actions/sign_for", method: .post, headers: GatewayHarness.headers("lead"),
                body: GatewayHarness.body("{}"))
            #expect(response.status == .ok)
            #expect(try response.json()["state"] as? String == "in_progress")
        }
        #expect(repository.decisions.map(\.changes.signed) == [true])
        #expect(repository.events == [.ticketHandled])
    }

    @Test("a unit's handler taking a center action is forbidden")
    func centerOnly() async throws {
        try await GatewayHarness.test { client in
            let response = try await client.execute(
                uri: "\(Self.ticketPath)/actions/redispatch", method: .post, headers: GatewayHarness.headers("lead"),
                body: GatewayHarness.body(#"{"lead_unit": "110105"}"#))
            #expect(
                try Problem(response)
                    == Problem(
                        type: "/problems/forbidden", title: "Only the center may do this", status: 403,
                        detail: "redispatch is for the center or the sub-center holding the ticket"))
        }
    }

    @Test("an action the ticket's state does not allow is a conflict")
    func illegalTransition() async throws {
        try await GatewayHarness.test { client in
            let response = try await client.execute(
                uri: "\(Self.ticketPath)/actions/resolve", method: .post, headers: GatewayHarness.headers("lead"),
                body: GatewayHarness.body(#"{"note": "n", "feedback_to_caller": "c", "feedback_to_center": "c"}"#))
            #expect(
                try Problem(response)
                    == Problem(
                        type: "/problems/illegal-transition", title: "Not possible in the ticket's state", status: 409,
                        detail: "ticket \(GatewayHarness.ticketId) is dispatched; resolve is not allowed then"))
        }
    }
}
