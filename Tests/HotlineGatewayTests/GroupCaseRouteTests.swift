import Foundation
import HotlineDomain
import HotlineStorage
import Hummingbird
import HummingbirdTesting
import Testing

/// Who sees which group case through `/group-cases`, without caller data, and who is refused
/// its joint resolution.
@Suite("Gateway group cases")
struct GroupCaseRouteTests {
    static let caseId = UUID(uuidString: "6F1C2D3E-4A5B-4C6D-8E7F-0000000000C1")!
    static let groupCase = GroupCase(
        id: caseId, leafCode: "PRP0101", townshipCode: GatewayHarness.township, districtCode: GatewayHarness.district,
        state: .open, ticketCount: 10, firstAt: Date(timeIntervalSince1970: 1_795_000_000),
        lastAt: Date(timeIntervalSince1970: 1_795_000_600), detectedAt: Date(timeIntervalSince1970: 1_795_000_600))

    /// The fixture ticket linked to the fixture case.
    static func repository() throws -> InMemoryTicketRepository {
        var ticket = try GatewayHarness.dispatchedTicket()
        ticket.record.groupRequestId = caseId
        return InMemoryTicketRepository([ticket], groupCases: [groupCase])
    }

    static let seeing = ["operator", "admin", "analyst", "center", "sub-center", "lead"]
    static let notSeeing = ["other-sub-center", "neighbour", "stranger", "co-unit", "city-department", "no-unit"]

    @Test("the city, the district's sub-center and the township see the case; nobody sees caller data")
    func visibility() async throws {
        try await GatewayHarness.test(try Self.repository()) { client in
            for token in Self.seeing + Self.notSeeing {
                let sees = Self.seeing.contains(token)
                let headers = GatewayHarness.headers(token)
                let list = try await client.execute(uri: "/group-cases", method: .get, headers: headers)
                #expect((try list.json()["items"] as? [Any])?.count == (sees ? 1 : 0), "\(token)")
                let detail = try await client.execute(
                    uri: "/group-cases/\(Self.caseId)", method: .get, headers: headers)
                #expect(detail.status == (sees ? .ok : .notFound), "\(token)")
                let body = String(buffer: detail.body)
                #expect(!body.contains(GatewayHarness.callerPhone) && !body.contains(GatewayHarness.callerName))
                if sees {
                    let tickets = try detail.json()["tickets"] as? [[String: Any]]
                    #expect(tickets?.first?["id"] as? String == GatewayHarness.ticketId.uuidString, "\(token)")
                    #expect(tickets?.first?["unit_code"] as? String == GatewayHarness.township)
                }
            }
        }
    }

    @Test("a resolution is refused to analysts, strangers and incomplete bodies")
    func resolveRefusals() async throws {
        try await GatewayHarness.test(try Self.repository()) { client in
            let path = "/group-cases/\(Self.caseId)/resolve"
            let body = GatewayHarness.body(
                #"{"note": "done", "feedback_to_center": "done", "feedback_to_caller": "x"}"#)
            let analyst = try await client.execute(
                uri: path, method: .post, headers: GatewayHarness.headers("analyst"), body: body)
            #expect(analyst.status == .forbidden)
            let stranger = try await client.execute(
                uri: path, method: .post, headers: GatewayHarness.headers("stranger"), body: body)
            #expect(stranger.status == .notFound)
            let incomplete = try await client.execute(
                uri: path, method: .post, headers: GatewayHarness.headers("lead"),
                body: GatewayHarness.body(#"{"note": "done", "feedback_to_callers": {"nope": "x"}}"#))
            #expect(incomplete.status == .unprocessableContent)
            let badId = try await client.execute(
                uri: "/group-cases/nope", method: .get, headers: GatewayHarness.headers("lead"))
            #expect(badId.status == .badRequest)
        }
    }
}
