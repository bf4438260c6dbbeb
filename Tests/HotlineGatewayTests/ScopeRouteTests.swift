import Foundation
import HotlineDomain
import Hummingbird
import HummingbirdTesting
import Testing

/// Which tickets and queues a handler reaches, and what a handling action does through the API.
@Suite("Gateway scope")
struct ScopeRouteTests {
    static let ticketPath = "/tickets/\(GatewayHarness.ticketId)"

    /// What each token may do with the fixture ticket (`docs/security.md`): read it, find it in a
    /// list, see the caller's data whole, read the lead township's queue.
    struct Expectation: Sendable, CustomStringConvertible {
        var token: String
        var reads: Bool
        var whole: Bool
        var readsLeadQueue: Bool
        var description: String { token }
    }

    static let matrix: [Expectation] = [
        Expectation(token: "operator", reads: true, whole: true, readsLeadQueue: true),
        Expectation(token: "admin", reads: true, whole: true, readsLeadQueue: true),
        Expectation(token: "analyst", reads: true, whole: false, readsLeadQueue: true),
        Expectation(token: "center", reads: true, whole: true, readsLeadQueue: true),
        Expectation(token: "sub-center", reads: true, whole: true, readsLeadQueue: true),
        Expectation(token: "other-sub-center", reads: false, whole: false, readsLeadQueue: true),
        Expectation(token: "lead", reads: true, whole: true, readsLeadQueue: true),
        Expectation(token: "neighbour", reads: false, whole: false, readsLeadQueue: false),
        Expectation(token: "stranger", reads: false, whole: false, readsLeadQueue: false),
        Expectation(token: "co-unit", reads: true, whole: false, readsLeadQueue: false),
        Expectation(token: "summoned", reads: true, whole: false, readsLeadQueue: false),
        Expectation(token: "city-department", reads: false, whole: false, readsLeadQueue: false),
        Expectation(token: "no-unit", reads: false, whole: false, readsLeadQueue: false),
    ]

    @Test("every tier reads, lists and sees the caller's data as the matrix says", arguments: matrix)
    func readMatrix(expected: Expectation) async throws {
        let audit = RecordingAuditTrail()
        try await GatewayHarness.test(audit: audit) { client in
            let headers = GatewayHarness.headers(expected.token)
            let read = try await client.execute(uri: Self.ticketPath, method: .get, headers: headers)
            #expect(read.status == (expected.reads ? .ok : .notFound))
            let body = String(buffer: read.body)
            let leaks = body.contains(GatewayHarness.callerPhone) || body.contains(GatewayHarness.callerName)
            #expect(leaks == expected.whole, "whole caller data: \(leaks)")
            if !expected.reads {
                #expect(try Problem(read).type == "/problems/ticket-not-found")
            } else if !expected.whole {
                #expect(try read.json()["caller_phone"] as? String == "138****5678")
                #expect(try read.json()["caller_name"] as? String == "王**")
            }
            let list = try await client.execute(uri: "/tickets", method: .get, headers: headers)
            #expect((try list.json()["items"] as? [Any])?.count == (expected.reads ? 1 : 0))
            let listed = String(buffer: list.body)
            #expect(!listed.contains(GatewayHarness.callerPhone) && !listed.contains(GatewayHarness.callerName))
            let queue = try await client.execute(
                uri: "/units/\(GatewayHarness.township)/queue", method: .get, headers: headers)
            #expect(queue.status == (expected.readsLeadQueue ? .ok : .forbidden))
            if expected.readsLeadQueue {
                let items = try queue.json()["items"] as? [[String: Any]]
                #expect(items?.count == (expected.reads ? 1 : 0), "the queue is narrowed to the caller's scope")
                #expect(!String(buffer: queue.body).contains(GatewayHarness.callerPhone))
            }
        }
        #expect(audit.recorded.count == (expected.whole ? 1 : 0), "one audit entry per whole read")
        if expected.whole {
            let entry = try #require(audit.recorded.first)
            #expect(entry.ticketId == GatewayHarness.ticketId)
            #expect(entry.tokenId == GatewayHarness.tokens[expected.token]?.tokenId)
            #expect(entry.purpose == "GET /tickets/{id}")
        }
    }

    @Test("co-units and summoned departments find the ticket in their own queue, with their part")
    func partsInQueues() async throws {
        try await GatewayHarness.test { client in
            for (token, unit, part) in [
                ("co-unit", GatewayHarness.coUnit, "co"), ("summoned", GatewayHarness.summoned, "summoned"),
                ("lead", GatewayHarness.township, "lead"),
            ] {
                let queue = try await client.execute(
                    uri: "/units/\(unit)/queue", method: .get, headers: GatewayHarness.headers(token))
                #expect(queue.status == .ok)
                let items = try queue.json()["items"] as? [[String: Any]]
                #expect(items?.map { $0["role"] as? String } == [part], "\(token)")
            }
        }
    }

    @Test("a handler asks for another unit's tickets and gets none of them")
    func listAskingOtherUnit() async throws {
        try await GatewayHarness.test { client in
            let other = try await client.execute(
                uri: "/tickets?unit=\(GatewayHarness.township)", method: .get,
                headers: GatewayHarness.headers("stranger"))
            #expect((try other.json()["items"] as? [Any])?.count == 0)
            #expect(try other.json()["next_cursor"] is NSNull)
        }
    }

    @Test("admins read the audit trail, filtered; nobody else does")
    func auditTrail() async throws {
        let audit = RecordingAuditTrail()
        try await GatewayHarness.test(audit: audit) { client in
            for token in ["operator", "lead", "analyst"] {
                _ = try await client.execute(uri: Self.ticketPath, method: .get, headers: GatewayHarness.headers(token))
            }
            let all = try await client.execute(uri: "/audit", method: .get, headers: GatewayHarness.headers("admin"))
            #expect(all.status == .ok)
            let items = try #require(try all.json()["items"] as? [[String: Any]])
            #expect(items.map { $0["token_name"] as? String } == ["lead", "operator"])
            let lead = try #require(GatewayHarness.tokens["lead"])
            let filtered = try await client.execute(
                uri: "/audit?token_id=\(lead.tokenId)&ticket_id=\(GatewayHarness.ticketId)", method: .get,
                headers: GatewayHarness.headers("admin"))
            #expect(
                (try filtered.json()["items"] as? [[String: Any]])?.map { $0["unit_code"] as? String } == [
                    GatewayHarness.township
                ])
            for token in ["operator", "analyst", "lead", "sub-center"] {
                let refused = try await client.execute(
                    uri: "/audit", method: .get, headers: GatewayHarness.headers(token))
                #expect(refused.status == .forbidden, "\(token)")
            }
            let bad = try await client.execute(
                uri: "/audit?token_id=nope", method: .get, headers: GatewayHarness.headers("admin"))
            #expect(bad.status == .badRequest)
        }
    }

    @Test("a co-unit may add progress but not resolve; a summoned department reports in once")
    func partsAct() async throws {
        let repository = InMemoryTicketRepository([try GatewayHarness.dispatchedTicket()])
        try await GatewayHarness.test(repository) { client in
            let signFor = try await client.execute(
                uri: "\(Self.ticketPath)/actions/sign_for", method: .post, headers: GatewayHarness.headers("co-unit"),
                body: GatewayHarness.body("{}"))
            #expect(signFor.status == .forbidden)
            #expect(try Problem(signFor).title == "Not your unit's part")
            let leadSigns = try await client.execute(
                uri: "\(Self.ticketPath)/actions/sign_for", method: .post, headers: GatewayHarness.headers("lead"),
                body: GatewayHarness.body("{}"))
            #expect(leadSigns.status == .ok)
            let progress = try await client.execute(
                uri: "\(Self.ticketPath)/actions/add_progress", method: .post,
                headers: GatewayHarness.headers("co-unit"), body: GatewayHarness.body(#"{"note": "已到现场"}"#))
            #expect(progress.status == .ok)
            let reportIn = try await client.execute(
                uri: "\(Self.ticketPath)/actions/report_in", method: .post,
                headers: GatewayHarness.headers("summoned"), body: GatewayHarness.body(#"{"note": "已报到"}"#))
            #expect(reportIn.status == .ok)
            let subCenterSign = try await client.execute(
                uri: "\(Self.ticketPath)/actions/sign_for", method: .post,
                headers: GatewayHarness.headers("sub-center"), body: GatewayHarness.body("{}"))
            #expect(subCenterSign.status == .forbidden, "a sub-center supervises; the township signs for")
        }
        #expect(repository.events == [.ticketHandled, .ticketHandled, .ticketHandled])
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
                        detail: "redispatch is for the center or the sub-center of the ticket's district"))
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
