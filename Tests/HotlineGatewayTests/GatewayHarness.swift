import Foundation
import HotlineDomain
import HotlineGateway
import HotlineRuntime
import HotlineServices
import HotlineStorage
import Hummingbird
import HummingbirdTesting
import Logging

/// The gateway's routes over in-memory storage, called without a socket.
enum GatewayHarness {
    /// Tokens and their holders: one per role, and handlers of every tier around the fixture
    /// ticket (the token's name is the token).
    static let tokens: [String: Principal] = {
        func handler(_ name: String, _ unit: String?, _ kind: OrgUnit.Kind?, district: String?) -> Principal {
            Principal(
                tokenId: UUID(), name: name, role: .handler, unitCode: unit, unitKind: kind, districtCode: district)
        }
        let principals = [
            Principal(tokenId: UUID(), name: "operator", role: .operator, unitCode: nil),
            Principal(tokenId: UUID(), name: "analyst", role: .analyst, unitCode: nil),
            Principal(tokenId: UUID(), name: "admin", role: .admin, unitCode: nil),
            Principal(tokenId: UUID(), name: "external", role: .external, unitCode: nil),
            handler("center", OrgUnitCode.center, .center, district: nil),
            handler("sub-center", district, .subCenter, district: district),
            handler("other-sub-center", "110101", .subCenter, district: "110101"),
            handler("lead", township, .township, district: district),
            handler("neighbour", "110105001", .township, district: district),
            handler("stranger", "110101001", .township, district: "110101"),
            handler("co-unit", coUnit, .department, district: district),
            handler("summoned", summoned, .department, district: district),
            handler("city-department", "110000:department:housing", .department, district: nil),
            handler("no-unit", nil, nil, district: nil),
        ]
        return Dictionary(uniqueKeysWithValues: principals.map { ($0.name, $0) })
    }()

    static let district = "110105"
    static let township = "110105026"
    static let coUnit = "110105:department:housing"
    static let summoned = "110105:department:traffic"
    static let ticketId = UUID(uuidString: "6F1C2D3E-4A5B-4C6D-8E7F-000000000001")!
    static let callerName = "王小明"
    static let callerPhone = "13812345678"

    /// The fixture ticket: dispatched to `township` with `coUnit` helping and `summoned` called
    /// by a whistle; the caller's name and phone are in its fields and in its text.
    static func dispatchedTicket() throws -> InMemoryTicketRepository.Stored {
        let json = """
            {"id": "\(ticketId.uuidString)", "number": "20261122-0001", "state": "dispatched", "channel": "phone",
             "type": "complaint", "caller_name": "\(callerName)", "caller_phone": "\(callerPhone)",
             "place_text": "朝阳区 三里屯", "text": "我是\(callerName)，楼下夜里施工噪音扰民，请回电\(callerPhone)",
             "urgency": "G", "district_code": "\(district)", "unit_code": "\(township)", "co_unit_codes": ["\(coUnit)"],
             "summoned_unit_codes": ["\(summoned)"], "send_back_count": 0, "reopen_count": 0,
             "version": 3, "received_at": "2026-11-22T08:00:00Z", "updated_at": "2026-11-22T08:05:00Z"}
            """
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let record = try decoder.decode(TicketRecord.self, from: Data(json.utf8))
        return InMemoryTicketRepository.Stored(
            record: record,
            handling: HandlingTicket(
                state: .dispatched, unitCode: township, coUnitCodes: [coUnit], districtCode: district,
                urgency: .general, pendingWhistles: [summoned]))
    }

    /// Runs `test` against the routes over `repository` (the fixture ticket when nil), recording
    /// unmasked reads in `audit`, each token limited by `rateLimiter` (no limit when nil), with the
    /// inboxes of `inbox`, the supervision lists and agendas of `supervision` and the governance
    /// tasks of `governance`.
    static func test(
        _ repository: InMemoryTicketRepository? = nil, audit: RecordingAuditTrail = RecordingAuditTrail(),
        rateLimiter: TokenRateLimiter? = nil, inbox: InMemoryInbox = GatewayHarness.inbox(),
        supervision: InMemorySupervision = InMemorySupervision(tickets: [], agenda: []),
        governance: InMemoryGovernance = InMemoryGovernance(),
        _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let services = try services(
            repository, audit: audit, rateLimiter: rateLimiter, inbox: inbox, supervision: supervision,
            governance: governance)
        let router = Router()
        GatewayRouter.add(to: router, services, logger: Logger(label: "gateway-tests"))
        try await Application(router: router).test(.router, test)
    }

    /// The use cases over in-memory storage, as `test` gives them to the routes.
    static func services(
        _ repository: InMemoryTicketRepository? = nil, audit: RecordingAuditTrail = RecordingAuditTrail(),
        rateLimiter: TokenRateLimiter? = nil, inbox: InMemoryInbox = GatewayHarness.inbox(),
        supervision: InMemorySupervision = InMemorySupervision(tickets: [], agenda: []),
        governance: InMemoryGovernance = InMemoryGovernance(), reference: any ReferenceSource = NoReference()
    ) throws -> GatewayServices {
        let repository = try repository ?? InMemoryTicketRepository([dispatchedTicket()])
        let clock = SystemClock()
        return GatewayServices(
            repository: repository, reference: reference,
            authenticator: TokenAuthenticator(directory: FixedDirectory(), lifetime: 0, clock: clock),
            rateLimiter: rateLimiter ?? TokenRateLimiter(policy: .off, clock: clock), audit: audit, auditReader: audit,
            inbox: inbox,
            feed: InboxFeed(inbox: inbox, signal: NoCommitSignal(), logger: Logger(label: "gateway-tests")),
            supervision: supervision, reports: InMemoryReports(), governance: governance, clock: clock,
            producer: "intake-gateway", timeZone: TimeZone(secondsFromGMT: 8 * 3600)!,
            openAPIDocument: Data())
    }

    /// The units around the fixture ticket, with one inbox item for each: the lead township's
    /// dispatch notice (id 1), the co-unit's (id 2) and the summoned department's (id 3).
    static func inbox() -> InMemoryInbox {
        let units = [
            OrgUnit(code: OrgUnitCode.center, name: "中心", kind: .center),
            OrgUnit(code: district, name: "分中心", kind: .subCenter, districtCode: district),
            OrgUnit(code: "110101", name: "另一分中心", kind: .subCenter, districtCode: "110101"),
            OrgUnit(code: township, name: "街道", kind: .township, districtCode: district),
            OrgUnit(code: "110101001", name: "另一街道", kind: .township, districtCode: "110101"),
            OrgUnit(code: coUnit, name: "住建委", kind: .department, districtCode: district),
            OrgUnit(code: summoned, name: "交通委", kind: .department, districtCode: district),
        ]
        let event = UUID()
        func item(_ id: Int64, _ unit: String, _ kind: InboxKind) -> InboxItem {
            InboxItem(
                id: id, position: InboxPosition(transaction: 100, item: id), unitCode: unit, kind: kind,
                ticketId: ticketId, ticketNumber: "20261122-0001", eventId: event, dueAt: nil, note: nil,
                createdAt: Date(timeIntervalSince1970: 1_795_000_000))
        }
        return InMemoryInbox(
            units: units,
            items: [item(1, township, .dispatched), item(2, coUnit, .coDispatched), item(3, summoned, .summoned)])
    }

    /// The headers of a request with `token`, and a JSON body.
    static func headers(_ token: String?) -> HTTPFields {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        headers[.contentType] = "application/json"
        return headers
    }

    /// `text` as a request body.
    static func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    /// The tokens of `GatewayHarness.tokens`.
    struct FixedDirectory: PrincipalDirectory {
        func principal(for secret: String, at time: Date) async throws -> Principal? { GatewayHarness.tokens[secret] }
    }

    /// Reference data the routes under test never reach.
    struct NoReference: ReferenceSource {
        struct Unavailable: Error {}
        func current() async throws -> CurrentReference { throw Unavailable() }
    }
}

/// An RFC 9457 problem document as the gateway sends it.
struct Problem: Decodable, Equatable {
    var type: String
    var title: String
    var status: Int
    var detail: String?
    var errors: [FieldFinding]?
}

extension Problem {
    /// The problem document `response` holds.
    init(_ response: TestResponse) throws {
        self = try JSONDecoder().decode(Problem.self, from: Data(response.body.readableBytesView))
    }
}

extension TestResponse {
    /// The body as a JSON object.
    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] ?? [:]
    }
}
