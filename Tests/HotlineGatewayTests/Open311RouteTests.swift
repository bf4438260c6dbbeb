import Foundation
import HotlineDomain
import HotlineGateway
import HotlineServices
import HotlineStorage
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// The Open311 routes' keys, formats and errors, and what an external system's token reaches
/// elsewhere; the whole flow with real clients is `scripts/open311-tests`.
@Suite("Open311 routes")
struct Open311RouteTests {
    /// Requests filed through Open311, from a fixed list.
    struct FixedRequests: ServiceRequestRepository {
        var records: [ServiceRequestRecord] = []
        func requests(matching filter: ServiceRequestFilter, limit: Int) async throws -> [ServiceRequestRecord] {
            records.filter { filter.numbers?.contains($0.number) ?? true }
        }
        func request(token: UUID) async throws -> ServiceRequestRecord? { records.first { $0.ticketId == token } }
    }

    /// Every point in one district.
    struct OneDistrict: PointLocating {
        func locate(_ point: Coordinates) async throws -> PointLocation { .nearestDistrict("110105") }
    }

    static func test(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let services = try GatewayHarness.services()
        let clock = SystemClock()
        let open311 = Open311Services(
            filing: FileServiceRequest(
                intake: services.intake, reference: services.reference, definitions: ServiceDefinitions(),
                places: OneDistrict()),
            reading: ReadServiceRequests(repository: FixedRequests(), clock: clock),
            definitions: ServiceDefinitions(), answersWithTokens: false, timeZone: TimeZone(secondsFromGMT: 8 * 3600)!)
        let router = Router()
        let logger = Logger(label: "open311-tests")
        GatewayRouter.add(to: router, services, logger: logger)
        Open311Routes.add(to: router, services, open311, logger: logger)
        try await Application(router: router).test(.router, test)
    }

    static func form(_ text: String) -> (HTTPFields, ByteBuffer) {
        ([.contentType: "application/x-www-form-urlencoded"], ByteBuffer(string: text))
    }

    /// One entry of a JSON error list.
    struct ErrorEntry: Decodable {
        var code: Int
        var description: String
    }

    /// The entries of a JSON error list; none when the body is not one.
    static func errors(_ response: TestResponse) -> [ErrorEntry] {
        (try? JSONDecoder().decode([ErrorEntry].self, from: Data(response.body.readableBytesView))) ?? []
    }

    @Test("a POST without an api_key, with an unknown one or with a person's token is refused with 403")
    func keys() async throws {
        try await Self.test { client in
            for body in [
                "service_code=UTL0401", "api_key=nobody&service_code=UTL0401", "api_key=operator&service_code=A",
            ] {
                let (headers, buffer) = Self.form(body)
                try await client.execute(
                    uri: "/open311/v2/requests.json", method: .post, headers: headers, body: buffer
                ) {
                    response in
                    #expect(response.status == .forbidden)
                    #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                    #expect(Self.errors(response).map(\.code) == [403])
                }
            }
        }
    }

    @Test("an error answers in the format the path names, as the specification's error list")
    func xmlErrors() async throws {
        try await Self.test { client in
            let (headers, buffer) = Self.form("service_code=UTL0401")
            try await client.execute(uri: "/open311/v2/requests.xml", method: .post, headers: headers, body: buffer) {
                response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.contentType] == "text/xml; charset=utf-8")
                let text = String(buffer: response.body)
                #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?><errors><error><code>403</code>"))
            }
            try await client.execute(uri: "/open311/v2/requests/20261122-0001.yaml", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(Self.errors(response).map(\.code) == [404])
            }
        }
    }

    @Test("a path or method Open311 does not serve answers with the error list, in the path's format")
    func unservedRoutes() async throws {
        try await Self.test { client in
            for (uri, method) in [
                ("/open311/v2/requests.AAA", HTTPRequest.Method.get), ("/open311/discovery.json", .init("TRACE")!),
                ("/open311/v2/tokens/0.json", .init("TRACE")!),
            ] {
                try await client.execute(uri: uri, method: method) { response in
                    #expect(response.headers[.contentType] == "application/json; charset=utf-8", "\(method) \(uri)")
                    #expect(Self.errors(response).map(\.code) == [Int(response.status.code)], "\(method) \(uri)")
                    #expect(response.status.code >= 400, "\(method) \(uri)")
                }
            }
            try await client.execute(uri: "/open311/v2/services.xml", method: .init("TRACE")!) { response in
                #expect(response.headers[.contentType] == "text/xml; charset=utf-8")
                #expect(String(buffer: response.body).contains("<errors><error><code>\(response.status.code)</code>"))
            }
        }
    }

    @Test("an external system's POST needs a service code, a place and a form body")
    func filingChecks() async throws {
        try await Self.test { client in
            for (body, field) in [
                ("api_key=external&address_string=x", "service_code"), ("api_key=external&lat=91&long=116", "lat"),
                ("api_key=external&lat=39.9", "lat"),
            ] {
                let (headers, buffer) = Self.form(body)
                try await client.execute(
                    uri: "/open311/v2/requests.json", method: .post, headers: headers, body: buffer
                ) {
                    response in
                    #expect(response.status == .badRequest, "\(body)")
                    #expect(Self.errors(response).first?.description.contains(field) == true, "\(body)")
                }
            }
            try await client.execute(
                uri: "/open311/v2/requests.json", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: "{}")
            ) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test("a list may span at most 90 days, end after it starts, and name known statuses")
    func listChecks() async throws {
        try await Self.test { client in
            for query in [
                "start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z",
                "start_date=2026-06-01T00:00:00Z&end_date=2026-01-01T00:00:00Z", "status=pending",
                "start_date=yesterday",
            ] {
                try await client.execute(uri: "/open311/v2/requests.json?\(query)", method: .get) { response in
                    #expect(response.status == .badRequest, "\(query)")
                }
            }
            try await client.execute(uri: "/open311/v2/requests.json?status=open,closed", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "[]")
            }
            try await client.execute(uri: "/open311/v2/requests.xml", method: .get) { response in
                #expect(
                    String(buffer: response.body)
                        == "<?xml version=\"1.0\" encoding=\"UTF-8\"?><service_requests></service_requests>")
            }
        }
    }

    @Test("an external system's token reaches none of the operators' routes")
    func externalElsewhere() async throws {
        try await Self.test { client in
            for uri in ["/tickets/\(GatewayHarness.ticketId)", "/tickets", "/units/110105026/queue", "/review-queue"] {
                try await client.execute(uri: uri, method: .get, headers: GatewayHarness.headers("external")) {
                    response in
                    #expect(response.status == .forbidden, "\(uri)")
                }
            }
        }
    }
}
