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
    /// Tokens and their holders: one per role, handlers of the township that leads the
    /// fixture ticket and of another township.
    static let tokens: [String: Principal] = [
        "operator": Principal(tokenId: UUID(), name: "op", role: .operator, unitCode: nil),
        "analyst": Principal(tokenId: UUID(), name: "an", role: .analyst, unitCode: nil),
        "admin": Principal(tokenId: UUID(), name: "ad", role: .admin, unitCode: nil),
        "lead": Principal(tokenId: UUID(), name: "street", role: .handler, unitCode: township),
        "stranger": Principal(tokenId: UUID(), name: "other", role: .handler, unitCode: "110101001"),
    ]

    static let township = "110105026"
    static let ticketId = UUID(uuidString: "6F1C2D3E-4A5B-4C6D-8E7F-000000000001")!

    /// The fixture ticket: dispatched to `township`, with a caller's phone.
    static func dispatchedTicket() throws -> InMemoryTicketRepository.Stored {
        let json = """
            {"id": "\(ticketId.uuidString)", "number": "20261122-0001", "state": "dispatched", "channel": "phone",
             "type": "complaint", "caller_phone": "13800138000", "place_text": "朝阳区 三里屯", "text": "noise at night",
             "urgency": "G", "unit_code": "\(township)", "co_unit_codes": [], "send_back_count": 0, "reopen_count": 0,
             "version": 3, "received_at": "2026-11-22T08:00:00Z", "updated_at": "2026-11-22T08:05:00Z"}
            """
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let record = try decoder.decode(TicketRecord.self, from: Data(json.utf8))
        return InMemoryTicketRepository.Stored(
            record: record,
            handling: HandlingTicket(
                state: .dispatched, unitCode: township, districtCode: "110105", urgency: .general))
    }

    /// Runs `test` against the routes over `repository` (the fixture ticket when nil), each token
    /// limited by `rateLimiter` (no limit when nil).
    static func test(
        _ repository: InMemoryTicketRepository? = nil, rateLimiter: TokenRateLimiter? = nil,
        _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let repository = try repository ?? InMemoryTicketRepository([dispatchedTicket()])
        let clock = SystemClock()
        let services = GatewayServices(
            repository: repository, reference: NoReference(),
            authenticator: TokenAuthenticator(directory: FixedDirectory(), lifetime: 0, clock: clock),
            rateLimiter: rateLimiter ?? TokenRateLimiter(policy: .off, clock: clock), clock: clock,
            producer: "intake-gateway", timeZone: TimeZone(secondsFromGMT: 8 * 3600)!, openAPIDocument: Data())
        let router = Router()
        GatewayRouter.add(to: router, services, logger: Logger(label: "gateway-tests"))
        try await Application(router: router).test(.router, test)
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
