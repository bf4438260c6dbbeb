import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineStorage
import Hummingbird
import Logging
import PostgresNIO

/// `POST /tickets`, `GET /tickets/{id}`, `GET /tickets`.
enum TicketRoutes {
    static func add(to router: Router<BasicRequestContext>, _ gateway: Gateway) {
        router.on("tickets", .post, roles: Role.intake, gateway) { request, _, principal in
            try await create(request, principal: principal, gateway)
        }
        router.on("tickets/{id}", .get, roles: Role.everyone, gateway) { _, context, principal in
            let id = try TicketProblem.id(context)
            let record = try await gateway.connection {
                try await TicketQueries.find(id, on: $0, logger: gateway.logger)
            }
            guard let record, principal.mayRead(record) else { throw TicketProblem.notFound(id) }
            return try .json(principal.view(of: record))
        }
        router.on("tickets", .get, roles: Role.everyone, gateway) { request, _, principal in
            try await list(request, principal: principal, gateway)
        }
    }

    /// The longest `Idempotency-Key` accepted.
    static let maximumKeyLength = 200

    /// A create request: the ticket, and perhaps an answer given on the spot.
    struct CreateBody: Codable {
        var request: TicketRequest
        var answer: DirectAnswer?

        enum CodingKeys: String, CodingKey {
            case answer
        }

        init(from decoder: any Decoder) throws {
            request = try TicketRequest(from: decoder)
            answer = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(DirectAnswer.self, forKey: .answer)
        }

        func encode(to encoder: any Encoder) throws {
            try request.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(answer, forKey: .answer)
        }

        /// The body in one canonical form (sorted keys, no spacing), so a retry that formats
        /// the same ticket differently is still recognised as the same request.
        func canonicalBytes() throws -> [UInt8] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return Array(try encoder.encode(self))
        }
    }

    static func create(_ request: Request, principal: Principal, _ gateway: Gateway) async throws -> Response {
        let (createBody, _) = try await JSONBody.decode(CreateBody.self, from: request, limit: Gateway.maximumBodySize)
        let ticketRequest = createBody.request
        let body = try createBody.canonicalBytes()
        let snapshot = try await gateway.snapshot()
        let catalog = snapshot.reference.catalog
        var findings = TicketRequestValidation.findings(ticketRequest) { catalog[$0]?.isLeaf ?? false }
            .map { FieldFinding(field: $0.field, detail: $0.detail) }
        var answer: TicketAnswered?
        switch createBody.answer?.resolve(in: snapshot.knowledge) {
        case .success(let resolved): answer = resolved
        case .failure(let finding): findings.append(finding)
        case nil: break
        }
        guard findings.isEmpty else {
            throw JSONBody.invalid(
                findings.map { "\($0.field): \($0.detail)" }.joined(separator: "; "), findings: findings)
        }
        let key = request.headers[.init("Idempotency-Key")!]
        if let key, key.isEmpty || key.count > maximumKeyLength {
            throw ProblemDetails(
                .badRequest, type: "/problems/invalid-idempotency-key", title: "Invalid Idempotency-Key",
                detail: "1 to \(maximumKeyLength) characters")
        }
        var generator = SystemRandomNumberGenerator()
        let trace =
            request.headers[.init("traceparent")!].flatMap(TraceContext.init(traceparent:))?.child(using: &generator)
            ?? TraceContext(using: &generator)
        let resources = gateway.resources
        let now = resources.clock.now()
        let id = UUID()
        let outcome: CreateOutcome = try await gateway.transaction { [answer] connection in
            if let key {
                switch try await IdempotencyKeys.claim(
                    key: key, tokenId: principal.tokenId, body: body, ticketId: id, at: now, on: connection,
                    logger: gateway.logger)
                {
                case .fresh: break
                case .replay(let existing): return .replayed(existing)
                case .mismatch: return .keyReused
                }
            }
            let number = try await TicketStore.nextNumber(
                on: CalendarDay(now, in: resources.settings.timeZone), client: gateway.numbering, logger: gateway.logger
            )
            try await TicketStore.insertReceived(
                id: id, number: number, request: ticketRequest, at: now, on: connection, logger: gateway.logger)
            let received = resources.event(
                about: id, TicketReceived(number: number.description, request: ticketRequest), at: now)
            try await EventRecorder.record(received, trace: trace, on: connection, logger: gateway.logger)
            if let answer {
                _ = try await TicketStore.markAnswered(
                    id, answer, allowedIn: [.received], at: now, on: connection, logger: gateway.logger)
                try await EventRecorder.record(
                    resources.event(about: id, answer, at: now), trace: trace, on: connection, logger: gateway.logger)
            }
            return .created(try await TicketQueries.find(id, on: connection, logger: gateway.logger))
        }
        switch outcome {
        case .created(let record?):
            var response = try Response.json(principal.view(of: record), status: .created)
            response.headers[.location] = "/tickets/\(id.uuidString)"
            return response
        case .created(nil):
            throw TicketProblem.notFound(id)
        case .replayed(let existing):
            let record = try await gateway.connection {
                try await TicketQueries.find(existing, on: $0, logger: gateway.logger)
            }
            guard let record else { throw TicketProblem.notFound(existing) }
            var response = try Response.json(principal.view(of: record), status: .ok)
            response.headers[.init("Idempotent-Replayed")!] = "true"
            return response
        case .keyReused:
            throw ProblemDetails(
                .unprocessableContent, type: "/problems/idempotency-key-reused", title: "Idempotency-Key already used",
                detail: "this key was used with a different body; use a new key for a new ticket")
        }
    }

    enum CreateOutcome: Sendable {
        case created(TicketRecord?)
        case replayed(UUID)
        case keyReused
    }

    /// The most tickets one page holds.
    static let maximumPageSize = 200

    static func list(_ request: Request, principal: Principal, _ gateway: Gateway) async throws -> Response {
        let query = request.uri.queryParameters
        func text(_ name: String) throws -> String? {
            guard let value = query[Substring(name)].map(String.init), !value.isEmpty else { return nil }
            guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw badQuery(name, "text without control characters")
            }
            return value
        }
        func date(_ name: String) throws -> Date? {
            guard let value = try text(name) else { return nil }
            guard let date = try? Date(value, strategy: .iso8601) else {
                throw badQuery(name, "an ISO 8601 time such as 2026-11-22T08:00:00Z")
            }
            return date
        }
        var filter = TicketFilter(
            unitCode: try text("unit"), categoryCode: try text("category"), placeCode: try text("place"),
            placeText: try text("place_text"),
            text: try text("q"), receivedFrom: try date("from"), receivedBefore: try date("to"))
        if let state = try text("state") {
            guard let known = TicketState(rawValue: state) else {
                throw badQuery("state", TicketState.allCases.map(\.rawValue).joined(separator: ", "))
            }
            filter.state = known
        }
        if principal.role == .handler { filter.unitCode = principal.unitCode }
        let limit =
            try text("limit").map { value in
                guard let limit = Int(value), (1...maximumPageSize).contains(limit) else {
                    throw badQuery("limit", "a number from 1 to \(maximumPageSize)")
                }
                return limit
            } ?? 50
        let cursor = try text("cursor").map { value in
            guard let cursor = TicketCursor(token: value) else {
                throw badQuery("cursor", "the next_cursor of a previous page")
            }
            return cursor
        }
        let records = try await gateway.connection { [filter] in
            try await TicketQueries.search(filter, after: cursor, limit: limit, on: $0, logger: gateway.logger)
        }
        let next =
            records.count == limit ? records.last.map { TicketCursor(receivedAt: $0.receivedAt, id: $0.id).token } : nil
        return try .json(TicketPage(items: records.map(principal.view(of:)), nextCursor: next))
    }

    static func badQuery(_ name: String, _ expected: String) -> ProblemDetails {
        ProblemDetails(
            .badRequest, type: "/problems/invalid-query", title: "Invalid query parameter",
            detail: "'\(name)' must be \(expected)")
    }
}

/// One page of a ticket list.
struct TicketPage: Encodable {
    var items: [TicketRecord]
    /// Pass as `cursor` to get the next page; null on the last page.
    var nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case items
        case nextCursor = "next_cursor"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}

extension Principal {
    /// Handlers read the tickets their unit leads or helps with (the center's handlers read
    /// all); everyone else reads all.
    func mayRead(_ record: TicketRecord) -> Bool {
        guard role == .handler, let unitCode else { return role != .handler }
        return unitCode == OrgUnitCode.center || record.unitCode == unitCode || record.coUnitCodes.contains(unitCode)
    }

    /// The ticket as this caller may see it: analysts get the caller's phone masked.
    func view(of record: TicketRecord) -> TicketRecord {
        guard role == .analyst, let phone = record.callerPhone else { return record }
        var masked = record
        masked.callerPhone =
            String(phone.prefix(3)) + String(repeating: "*", count: max(phone.count - 7, 0)) + String(phone.suffix(4))
        return masked
    }
}
