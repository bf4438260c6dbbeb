import Foundation
import HotlineDomain
import HotlineStorage
import Hummingbird
import HummingbirdTesting
import Testing

/// The ticket page's handling forms posted as a browser posts them: the fields become the API's
/// request, and what the form cannot say is refused before any use case.
@Suite struct HandlingFormRouteTests {
    /// The fixture ticket signed for, so the township can hand it down.
    static func inProgress() throws -> InMemoryTicketRepository {
        var stored = try GatewayHarness.dispatchedTicket()
        stored.record.state = .inProgress
        stored.handling.state = .inProgress
        return InMemoryTicketRepository([stored])
    }

    /// Posts `fields` (form-encoded, with the session's form token) to `action`'s form as `lead`.
    static func post(
        _ action: String, _ fields: [String: String], accounts: InMemoryScreenAccounts,
        client: some TestClientProtocol
    ) async throws -> TestResponse {
        let cookie = try #require(try await ScreenHarness.signIn("lead", client: client))
        let formToken = try #require(accounts.formToken(session: String(cookie.dropFirst("hotline_session=".count))))
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-_.")
        let body = (["form_token": formToken].merging(fields) { first, _ in first })
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
        return try await client.execute(
            uri: "/ui/tickets/\(GatewayHarness.ticketId.uuidString.lowercased())/actions/\(action)", method: .post,
            headers: ScreenHarness.form(cookie: cookie), body: ByteBuffer(string: body))
    }

    @Test("a hand-down's panel is typed one member per line, the role in the catalog's words or as its code")
    func panelInTheCatalogsWords() async throws {
        let accounts = await ScreenHarness.accounts()
        let tickets = try Self.inProgress()
        try await ScreenHarness.test(accounts: accounts, tickets: tickets) { client in
            let response = try await Self.post(
                "hand_down",
                [
                    "note": "清运费用分摊引发邻里纠纷", "deadline": "2026-12-10T09:00:00+08:00",
                    "panel": "老干部：王大爷\r\n律师: 李律师，mediator：赵调解\r\n\r\n",
                ], accounts: accounts, client: client)
            #expect(response.status == .seeOther || response.status == .found, "\(String(buffer: response.body))")
            let decision = try #require(tickets.decisions.last)
            #expect(
                decision.changes.handDownMembers == [
                    PanelMember(name: "王大爷", role: .elder), PanelMember(name: "李律师", role: .lawyer),
                    PanelMember(name: "赵调解", role: .mediator),
                ])
            #expect(decision.changes.handDownSittingAt == ISO8601DateFormatter().date(from: "2026-12-10T01:00:00Z"))
        }
    }

    @Test("a member without a role, or with a role no panel has, is refused and nothing is applied")
    func unknownRolesRefused() async throws {
        let accounts = await ScreenHarness.accounts()
        let tickets = try Self.inProgress()
        try await ScreenHarness.test(accounts: accounts, tickets: tickets) { client in
            for panel in ["法官：张法官", "王大爷", "：无名"] {
                let response = try await Self.post(
                    "hand_down", ["note": "纠纷", "deadline": "2026-12-10T09:00", "panel": panel], accounts: accounts,
                    client: client)
                #expect(response.status == .badRequest, "\(panel)")
            }
            #expect(tickets.decisions.isEmpty)
        }
    }
}
