import Foundation
import HotlineDomain
import HotlineServices
import HotlineStorage
public import Hummingbird
public import Logging

/// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) under `/open311/v2/`, with the
/// discovery document at `/open311/discovery.{json,xml}`: the catalog's leaves as services,
/// requests filed by external systems with an `api_key` (a token of the `external` role), and
/// those requests read back by anyone, without the caller's data. Every answer, errors included,
/// is in the format the path names.
public enum Open311Routes {
    /// Adds the Open311 routes to `router`.
    public static func add(
        to router: Router<BasicRequestContext>, _ services: GatewayServices, _ open311: Open311Services, logger: Logger
    ) {
        let routes = Routes(api: services, open311: open311, logger: logger)
        let open311 = Open311Router(router: router, routes: routes)
        open311.on("open311/discovery.{format}", .get) { routes, request, _, format in
            try routes.discovery(request, format)
        }
        open311.on("open311/v2/services.{format}", .get) { routes, request, _, format in
            try await routes.services(request, format)
        }
        open311.on("open311/v2/services/{service_code}.{format}", .get) { routes, request, code, format in
            try await routes.definition(request, code, format)
        }
        open311.on("open311/v2/requests.{format}", .post) { routes, request, _, format in
            try await routes.file(request, format)
        }
        open311.on("open311/v2/requests.{format}", .get) { routes, request, _, format in
            try await routes.list(request, format)
        }
        open311.on("open311/v2/requests/{service_request_id}.{format}", .get) { routes, request, number, format in
            try await routes.request(request, number, format)
        }
        open311.on("open311/v2/tokens/{token}.{format}", .get) { routes, request, token, format in
            try await routes.token(request, token, format)
        }
    }

    /// The handlers, over the use cases.
    struct Routes: Sendable {
        let api: GatewayServices
        let open311: Open311Services
        let logger: Logger

        func discovery(_ request: Request, _ format: Open311Format) throws -> Response {
            let host = request.head.authority ?? "127.0.0.1"
            let scheme = request.headers[.init("X-Forwarded-Proto")!] ?? "http"
            return format.response(root: "discovery", Open311Views.discovery(base: "\(scheme)://\(host)/open311/v2"))
        }

        func services(_ request: Request, _ format: Open311Format) async throws -> Response {
            try await admitReader(request)
            let catalog = try await api.reference.current().reference.catalog
            return format.response(
                root: "services",
                .list(
                    item: "service",
                    catalog.leaves.map { Open311Views.service($0, in: catalog, definitions: open311.definitions) }))
        }

        func definition(_ request: Request, _ code: String, _ format: Open311Format) async throws -> Response {
            try await admitReader(request)
            let catalog = try await api.reference.current().reference.catalog
            guard let leaf = catalog[code], leaf.isLeaf else {
                throw Open311Failure.notFound("no service has the code \(code)")
            }
            return format.response(
                root: "service_definition",
                Open311Views.definition(of: leaf.code, open311.definitions.attributes(of: leaf.code)))
        }

        func file(_ request: Request, _ format: Open311Format) async throws -> Response {
            let form = try await Open311Form.posted(request)
            let principal = try await client(form)
            let name = [form["last_name"], form["first_name"]].compactMap { $0 }.joined()
            let point = try form.point()
            let outcome = try await api.traced(request, route: "/open311/v2/requests.\(format.rawValue)") { trace in
                try await open311.filing.file(
                    FileServiceRequest.Filing(
                        serviceCode: form["service_code"], addressString: form["address_string"], point: point,
                        description: form["description"], contactName: name.isEmpty ? nil : name,
                        contactPhone: form["phone"], attributes: form.attributes,
                        idempotencyKey: request.headers[.init("Idempotency-Key")!], canonicalBody: form.canonicalBytes,
                        trace: trace, principal: principal))
            }
            let record: TicketRecord
            let status: HTTPResponse.Status
            switch outcome {
            case .created(let created): (record, status) = (created, .created)
            case .replayed(let replayed): (record, status) = (replayed, .ok)
            }
            return format.response(
                root: "service_requests", Open311Views.filed(record, asToken: open311.answersWithTokens), status: status
            )
        }

        func list(_ request: Request, _ format: Open311Format) async throws -> Response {
            try await admitReader(request)
            let form = Open311Form(query: request)
            var statuses: [Open311Status]?
            if let names = form.list("status") {
                statuses = try names.map { name in
                    guard let status = Open311Status(rawValue: name) else {
                        throw Open311Failure.badRequest("status must be open or closed")
                    }
                    return status
                }
            }
            let query = ReadServiceRequests.Query(
                numbers: form.list("service_request_id"), serviceCodes: form.list("service_code"),
                statuses: statuses, start: try form.date("start_date"), end: try form.date("end_date"))
            return requests(try await open311.reading.list(query), format)
        }

        func request(_ request: Request, _ number: String, _ format: Open311Format) async throws -> Response {
            try await admitReader(request)
            guard let record = try await open311.reading.request(number: number) else {
                throw Open311Failure.notFound("no request has the id \(number)")
            }
            return requests([record], format)
        }

        func token(_ request: Request, _ token: String, _ format: Open311Format) async throws -> Response {
            try await admitReader(request)
            guard let id = UUID(uuidString: token), let record = try await open311.reading.request(token: id) else {
                throw Open311Failure.notFound("no request has the token \(token)")
            }
            return format.response(root: "service_requests", Open311Views.token(token, number: record.number))
        }

        /// `records` as a list of requests.
        func requests(_ records: [ServiceRequestRecord], _ format: Open311Format) -> Response {
            format.response(
                root: "service_requests",
                .list(item: "request", records.map { Open311Views.request($0, timeZone: open311.timeZone) }))
        }

        /// The external system `form`'s `api_key` names, admitted by its rate limit; a 403 when the
        /// key is missing, unknown, revoked, expired or not an external system's.
        func client(_ form: Open311Form) async throws -> Principal {
            guard let key = form["api_key"] else { throw Open311Failure.forbidden("api_key is required") }
            guard let principal = try await api.authenticator.principal(for: key) else {
                throw Open311Failure.forbidden("api_key is unknown, revoked or expired")
            }
            guard Role.externalSystems.contains(principal.role) else {
                throw Open311Failure.forbidden("api_key is not an external system's key")
            }
            try admit(principal.tokenId)
            return principal
        }

        /// Admits a read under its key's rate limit when it carries a valid key, else under the
        /// limit all keyless readers share.
        func admitReader(_ request: Request) async throws {
            let key = Open311Form(query: request)["api_key"]
            var reader = Self.keylessReaders
            if let key, let principal = try await api.authenticator.principal(for: key) { reader = principal.tokenId }
            try admit(reader)
        }

        /// Takes a permit for `tokenId`, or throws a 429.
        private func admit(_ tokenId: UUID) throws {
            if case .refused(let retryAfter) = api.rateLimiter.admit(tokenId) {
                throw Open311Failure(
                    status: .tooManyRequests, description: "too many requests; retry in \(retryAfter) s",
                    retryAfter: retryAfter)
            }
        }

        /// The rate-limit bucket every reader without a key shares.
        static let keylessReaders = UUID(uuidString: "00000000-0000-0000-0000-000000000311")!

        /// The Open311 error for `error`: its own, a 400 for a refused request, a field the intake
        /// found wrong or a value PostgreSQL cannot hold (a NUL in an `api_key`), a 404 for an
        /// unknown service, a 503 with `Retry-After` when the database cannot be reached, a logged
        /// 500 otherwise.
        func failure(_ error: any Error) -> Open311Failure {
            switch error {
            case let failure as Open311Failure: return failure
            case ServiceRequestRefusal.unknownService(let code):
                return .notFound("no service has the code \(code)")
            case ServiceRequestRefusal.invalid(let findings):
                return .badRequest(findings.map { "\($0.field) \($0.detail)" }.joined(separator: "; "))
            case TicketError.invalid(let detail, let findings):
                let details = findings.map { "\($0.field) \($0.detail)" }
                return .badRequest(details.isEmpty ? detail : details.joined(separator: "; "))
            case TicketError.idempotencyKeyReused:
                return .badRequest("this Idempotency-Key was used for a different request")
            case TicketError.invalidIdempotencyKey(let maximumLength):
                return .badRequest("an Idempotency-Key has 1 to \(maximumLength) characters")
            case _ where StorageFailures.isUnstorableCharacter(error):
                return .badRequest("NUL characters (U+0000) are not accepted")
            case _ where StorageFailures.isUnavailable(error):
                return Open311Failure(
                    status: .serviceUnavailable, description: "the ticket store is unavailable; retry shortly",
                    retryAfter: 2)
            default:
                logger.error("Open311 request failed", metadata: ["error": "\(String(reflecting: error))"])
                return Open311Failure(
                    status: .internalServerError, description: "the hotline could not answer; retry later")
            }
        }
    }
}
