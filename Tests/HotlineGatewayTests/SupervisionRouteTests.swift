import Foundation
import HotlineDomain
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// `GET /supervision` and `GET /units/{code}/meeting` through the router: who reads which
/// supervised tickets and agendas, and what the lists show.
@Suite("Supervision and meeting routes")
struct SupervisionRouteTests {
    static let now = Date()
    static let chaoyang = GatewayHarness.district
    static let dongcheng = "110101"

    static func supervised(
        _ number: String, unit: String, district: String, level: SupervisionLevel, overdueFor hours: Double
    ) -> SupervisedTicket {
        SupervisedTicket(
            id: UUID(), number: number, categoryCode: "PRP0101", urgency: .general, state: .inProgress, unitCode: unit,
            districtCode: district, level: level,
            supervisingUnitCode: level == .center ? OrgUnitCode.center : district,
            overdueAt: now.addingTimeInterval(-hours * 3600), lateSteps: [.finish],
            centerEscalationAt: level == .center ? nil : now.addingTimeInterval(3600))
    }

    static let supervision = InMemorySupervision(
        tickets: [
            supervised("C-1", unit: GatewayHarness.township, district: chaoyang, level: .subCenter, overdueFor: 2),
            supervised("C-2", unit: "110105001", district: chaoyang, level: .center, overdueFor: 30),
            supervised("D-1", unit: "110101001", district: dongcheng, level: .subCenter, overdueFor: 5),
        ],
        agenda: [
            MeetingAgendaItem(
                id: 1, unitCode: GatewayHarness.township, ticketId: GatewayHarness.ticketId,
                ticketNumber: "20261122-0001", categoryCode: "PRP0101", urgency: .general, state: .inProgress,
                placedAt: now, dispatchedAt: now.addingTimeInterval(-3 * 86_400), decision: nil, decidedAt: nil)
        ])

    static func numbers(_ token: String, query: String = "") async throws -> (status: HTTPResponse.Status, [String]) {
        let result = Mutex<(HTTPResponse.Status, [String])>((.ok, []))
        try await GatewayHarness.test(supervision: supervision) { client in
            try await client.execute(
                uri: "/supervision\(query)", method: .get, headers: GatewayHarness.headers(token)
            ) { response in
                let items = try response.json()["items"] as? [[String: Any]] ?? []
                let numbers = items.compactMap { $0["number"] as? String }
                result.withLock { $0 = (response.status, numbers) }
            }
        }
        return result.withLock { $0 }
    }

    @Test("the center sees every district's, most overdue first; a sub-center only its district's")
    func scope() async throws {
        let center = try await Self.numbers("center")
        #expect(center.0 == .ok && center.1 == ["C-2", "D-1", "C-1"])
        let operatorDesk = try await Self.numbers("operator")
        #expect(operatorDesk.1 == ["C-2", "D-1", "C-1"])
        let subCenter = try await Self.numbers("sub-center")
        #expect(subCenter.0 == .ok && subCenter.1 == ["C-2", "C-1"])
        let other = try await Self.numbers("other-sub-center")
        #expect(other.1 == ["D-1"])
    }

    @Test(
        "townships and departments get 403", arguments: ["lead", "neighbour", "co-unit", "city-department", "no-unit"])
    func refused(token: String) async throws {
        let (status, numbers) = try await Self.numbers(token)
        #expect(status == .forbidden)
        #expect(numbers.isEmpty)
    }

    @Test("level, district and unit filter the list; a bad level is a 400")
    func filters() async throws {
        #expect(try await Self.numbers("center", query: "?level=sub_center").1 == ["D-1", "C-1"])
        #expect(try await Self.numbers("center", query: "?district=110101").1 == ["D-1"])
        #expect(try await Self.numbers("center", query: "?unit=110105001").1 == ["C-2"])
        #expect(try await Self.numbers("center", query: "?level=township").0 == .badRequest)
    }

    @Test("an entry says how long overdue, which step is late and what comes next, without caller data")
    func entryFields() async throws {
        try await GatewayHarness.test(supervision: Self.supervision) { client in
            try await client.execute(
                uri: "/supervision?unit=\(GatewayHarness.township)", method: .get,
                headers: GatewayHarness.headers("sub-center")
            ) { response in
                let item = try #require((try response.json()["items"] as? [[String: Any]])?.first)
                #expect(item["supervision_level"] as? String == "sub_center")
                #expect(item["supervising_unit"] as? String == Self.chaoyang)
                #expect(item["late_steps"] as? [String] == ["finish"])
                #expect((item["overdue_seconds"] as? Int).map { (7_199...7_300).contains($0) } == true)
                let next = item["next_step"] as? [String: Any]
                #expect(next?["step"] as? String == "center_takes_over")
                #expect(next?["at"] is String)
                for field in ["caller_name", "caller_phone", "text", "place_text"] { #expect(item[field] == nil) }
            }
        }
    }

    @Test("a township's meeting agenda: the township and the levels above read it, its neighbour may not")
    func agendaScope() async throws {
        let path = "/units/\(GatewayHarness.township)/meeting"
        try await GatewayHarness.test(supervision: Self.supervision) { client in
            for (token, status) in [
                ("lead", HTTPResponse.Status.ok), ("sub-center", .ok), ("center", .ok), ("neighbour", .forbidden),
            ] {
                try await client.execute(uri: path, method: .get, headers: GatewayHarness.headers(token)) { response in
                    #expect(response.status == status, "\(token)")
                    if status == .ok {
                        let items = try response.json()["items"] as? [[String: Any]] ?? []
                        #expect(items.map { $0["status"] as? String } == ["open"])
                        #expect(items.first?["ticket_number"] as? String == "20261122-0001")
                    }
                }
            }
        }
    }
}
