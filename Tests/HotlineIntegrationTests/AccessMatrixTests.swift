import Foundation
import HotlineDomain
import HotlineGateway
import HotlineRuntime
import HotlineServices
import HotlineStorage
import PostgresNIO
import Testing

/// The access matrix of `docs/security.md` against the real gateway and PostgreSQL: one ticket
/// led by a township with a co-unit and two summoned departments, read, listed and queued by a
/// token of every role and tier; each unmasked read on the audit trail, which survives the
/// gateway's graceful shutdown in the middle of a load and which the analysts' role cannot read.
@Suite("Access matrix", .serialized)
struct AccessMatrixTests {
    static let port = 18480
    static let district = "110105"
    static let township = "110105026"
    static let housing = "110105:department:housing"
    static let traffic = "110105:department:traffic"
    static let water = "110105:enterprise:water"
    static let community = "110105026001"

    /// A token of the matrix and what it may do with the ticket.
    struct Caller: Sendable {
        var name: String
        var role: Role
        var unit: String?
        var reads: Bool
        var whole: Bool
        /// The unit whose queue it reads and whether the ticket is in it; nil: it reads no queue.
        var queue: (unit: String, holdsTicket: Bool)?
    }

    static let callers: [Caller] = [
        Caller(name: "operator", role: .operator, reads: true, whole: true, queue: (township, true)),
        Caller(name: "admin", role: .admin, reads: true, whole: true, queue: (township, true)),
        Caller(name: "analyst", role: .analyst, reads: true, whole: false, queue: (township, true)),
        Caller(
            name: "center", role: .handler, unit: OrgUnitCode.center, reads: true, whole: true, queue: (township, true)),
        Caller(name: "sub-center", role: .handler, unit: district, reads: true, whole: true, queue: (township, true)),
        Caller(
            name: "other sub-center", role: .handler, unit: "110101", reads: false, whole: false,
            queue: (township, false)),
        Caller(name: "lead", role: .handler, unit: township, reads: true, whole: true, queue: (township, true)),
        Caller(
            name: "neighbour", role: .handler, unit: "110105001", reads: false, whole: false,
            queue: ("110105001", false)),
        Caller(name: "stranger", role: .handler, unit: "110101001", reads: false, whole: false, queue: nil),
        Caller(name: "co-unit", role: .handler, unit: housing, reads: true, whole: false, queue: (housing, true)),
        Caller(name: "summoned", role: .handler, unit: traffic, reads: true, whole: false, queue: (traffic, true)),
        Caller(name: "reported in", role: .handler, unit: water, reads: true, whole: false, queue: (water, false)),
        Caller(
            name: "city department", role: .handler, unit: "110000:department:housing", reads: false, whole: false,
            queue: nil),
        Caller(
            name: "grid worker", role: .gridWorker, unit: community, reads: true, whole: false,
            queue: (community, true)),
        Caller(
            name: "other grid worker", role: .gridWorker, unit: "110105026002", reads: false, whole: false,
            queue: ("110105026002", false)),
    ]

    static func build(_ kind: HotlineServiceKind, _ resources: ServiceResources) throws -> ServiceParts {
        try IntakeGateway.parts(resources)
    }

    @Test("every role and tier reads, lists and queues the ticket as the matrix says; whole reads are audited")
    func matrix() async throws {
        try await TestDatabase.with { client, database in
            try await RunningServices.prepare(client)
            let base = URL(string: "http://127.0.0.1:\(Self.port)")!
            let settings = RunningServices.settings(database: database, basePort: Self.port)
            let caller = Self.uniqueCaller()
            var tokens: [String: APIClient] = [:]
            for entry in Self.callers {
                tokens[entry.name] = APIClient(
                    base: base, token: try await RunningServices.token(entry.role, unit: entry.unit, on: client))
            }
            let apis = tokens
            let tickets = try await RunningServices.with([.intakeGateway], settings: settings, build: Self.build) {
                let operatorAPI = apis["operator"]!
                try await operatorAPI.waitUntilUp()
                let id = try await Self.ticket(by: operatorAPI, caller: caller, on: client)
                for entry in Self.callers {
                    try await Self.check(entry, api: apis[entry.name]!, ticket: id, caller: caller)
                }
                for entry in Self.callers {
                    try await Self.checkActions(entry, api: apis[entry.name]!, ticket: id)
                }
                return id
            }
            let audited = try await Self.auditedNames(of: tickets, purpose: "GET /tickets/{id}", on: client)
            // The operator's creation is not a read; each whole read in `check` is one entry.
            #expect(audited == Self.callers.filter(\.whole).map { "test \($0.role.rawValue)" }.sorted())
            try await Self.expectAnalystsCannotRead(["audit_reads", "audit_trail"], on: client)
        }
    }

    @Test("reads answered while the gateway shuts down gracefully are all on the audit trail")
    func auditSurvivesShutdown() async throws {
        try await TestDatabase.with { client, database in
            try await RunningServices.prepare(client)
            let base = URL(string: "http://127.0.0.1:\(Self.port + 10)")!
            let settings = RunningServices.settings(database: database, basePort: Self.port + 10)
            let operatorAPI = APIClient(base: base, token: try await RunningServices.token(.operator, on: client))
            let answered = try await RunningServices.with([.intakeGateway], settings: settings, build: Self.build) {
                try await operatorAPI.waitUntilUp()
                let id = try await Self.ticket(by: operatorAPI, caller: Self.uniqueCaller(), on: client)
                // Readers keep reading; the body returns while they do, which starts the shutdown.
                let load = Task {
                    try await withThrowingTaskGroup(of: Int.self) { group in
                        for _ in 0..<8 {
                            group.addTask {
                                var ok = 0
                                while !Task.isCancelled {
                                    guard let reply = try? await operatorAPI.send("GET", "/tickets/\(id)") else {
                                        break
                                    }
                                    if reply.status == 200 { ok += 1 } else { break }
                                }
                                return ok
                            }
                        }
                        return try await group.reduce(0, +)
                    }
                }
                try await Task.sleep(for: .milliseconds(600))
                return load
            }
            let ok = try await answered.value
            #expect(ok > 0)
            let recorded = try await TestDatabase.count(
                "SELECT count(*)::bigint FROM audit_reads WHERE purpose = 'GET /tickets/{id}'", on: client)
            #expect(recorded == ok, "every answered read is on the trail")
        }
    }

    /// A caller's name and phone no other test uses, so a search for them finds only this run's.
    static func uniqueCaller() -> (name: String, phone: String) {
        let digits = String(UInt32.random(in: 10_000_000...99_999_999))
        return ("欧阳\(["志远", "晓梅", "建国", "丽华"].randomElement()!)", "139" + digits)
    }

    /// Creates the ticket through the API and sets where it stands: led by the township, helped by
    /// housing, traffic summoned and waiting, the water company summoned and reported in, sent
    /// down to one of the township's communities.
    static func ticket(
        by api: APIClient, caller: (name: String, phone: String), on client: PostgresClient
    )
        async throws -> UUID
    {
        let created = try await api.send(
            "POST", "/tickets",
            json: [
                "channel": "phone", "type": "complaint", "caller_name": caller.name, "caller_phone": caller.phone,
                "place_text": "朝阳区望京街道阜荣街10号",
                "text": "我叫\(caller.name)，楼下饭馆油烟直排进我家窗户，联系电话\(caller.phone)，身份证110105198001011234",
            ])
        #expect(created.status == 201)
        let id = try #require(UUID(uuidString: created.json["id"] as? String ?? ""))
        let now = Date()
        try await client.withTransaction(logger: TestEnvironment.logger) { connection in
            try await connection.query(
                """
                UPDATE tickets SET state = 'in_progress', district_code = \(district), township_code = \(township),
                       unit_code = \(township), co_unit_codes = \([housing]), community_code = \(community)
                WHERE id = \(id)
                """, logger: TestEnvironment.logger)
            try await connection.query(
                """
                INSERT INTO ticket_whistles (ticket_id, department_code, whistled_by, whistled_at, report_by, reported_at)
                VALUES (\(id), \(traffic), 'lead', \(now), \(now.addingTimeInterval(3600)), NULL),
                       (\(id), \(water), 'lead', \(now), \(now.addingTimeInterval(3600)), \(now))
                """, logger: TestEnvironment.logger)
        }
        return id
    }

    /// One row of the matrix through the API.
    static func check(
        _ entry: Caller, api: APIClient, ticket id: UUID, caller: (name: String, phone: String)
    )
        async throws
    {
        let read = try await api.send("GET", "/tickets/\(id)")
        #expect(read.status == (entry.reads ? 200 : 404), "\(entry.name) reads")
        let raw = [caller.name, caller.phone, "110105198001011234"]
        #expect(raw.contains { read.text.contains($0) } == entry.whole, "\(entry.name) sees the caller whole")
        if entry.reads && !entry.whole {
            #expect(read.json["caller_phone"] as? String == "139****" + caller.phone.suffix(4), "\(entry.name)")
            #expect(read.json["caller_name"] as? String == "欧***", "\(entry.name)")
        }
        let list = try await api.send("GET", "/tickets?limit=200")
        #expect(list.status == 200)
        let ids = (list.json["items"] as? [[String: Any]] ?? []).compactMap { ($0["id"] as? String)?.lowercased() }
        #expect(ids.contains(id.uuidString.lowercased()) == entry.reads, "\(entry.name) lists")
        #expect(!raw.contains { list.text.contains($0) }, "\(entry.name): lists never carry the caller's data")
        if let (unit, holds) = entry.queue {
            let queue = try await api.send("GET", "/units/\(unit)/queue")
            #expect(queue.status == 200, "\(entry.name) reads the queue of \(unit)")
            let queued = (queue.json["items"] as? [[String: Any]] ?? []).compactMap {
                ($0["id"] as? String)?.lowercased()
            }
            #expect(queued.contains(id.uuidString.lowercased()) == holds, "\(entry.name): ticket in \(unit)'s queue")
            #expect(!raw.contains { queue.text.contains($0) }, "\(entry.name): queues never carry the caller's data")
        } else {
            #expect(try await api.send("GET", "/units/\(township)/queue").status == 403, "\(entry.name)")
        }
    }

    /// The token names on the trail for `ticket` read through `purpose`, sorted.
    static func auditedNames(of ticket: UUID, purpose: String, on client: PostgresClient) async throws -> [String] {
        try await all(
            client.query(
                """
                SELECT token_name FROM audit_trail WHERE ticket_id = \(ticket) AND purpose = \(purpose)
                ORDER BY token_name
                """,
                logger: TestEnvironment.logger
            ).decode(String.self))
    }

    /// The statuses each caller gets for the matrix's action columns, with probes that change
    /// nothing the other rows depend on: `assign` (a unit action of the lead), `add_progress`
    /// (the lead's and a co-unit's), a `redispatch` to a unit that does not exist (the center's and
    /// the district sub-center's: 422 once allowed), `decide_exclusion` without a request (the
    /// center's only: 409 once allowed). 404 outside the scope, 403 inside it, analysts 403 by role.
    static let actionStatuses: [String: [Int]] = [
        "operator": [200, 200, 422, 409], "admin": [200, 200, 422, 409], "analyst": [403, 403, 403, 403],
        "center": [200, 200, 422, 409], "sub-center": [403, 403, 422, 403], "other sub-center": [404, 404, 404, 404],
        "lead": [200, 200, 403, 403], "neighbour": [404, 404, 404, 404], "stranger": [404, 404, 404, 404],
        "co-unit": [403, 200, 403, 403], "summoned": [403, 403, 403, 403], "reported in": [403, 403, 403, 403],
        "city department": [404, 404, 404, 404], "grid worker": [403, 200, 403, 403],
        "other grid worker": [404, 404, 404, 404],
    ]

    /// One row's action columns through the API.
    static func checkActions(_ entry: Caller, api: APIClient, ticket id: UUID) async throws {
        let probes: [(String, [String: Any])] = [
            ("assign", ["person": "张科长"]), ("add_progress", ["note": "已到现场查看"]),
            ("redispatch", ["lead_unit": "nowhere"]), ("decide_exclusion", ["approved": true]),
        ]
        var statuses: [Int] = []
        for (action, body) in probes {
            statuses.append(try await api.send("POST", "/tickets/\(id)/actions/\(action)", json: body).status)
        }
        #expect(
            statuses == actionStatuses[entry.name], "\(entry.name): assign, add_progress, redispatch, decide_exclusion")
    }

    /// Each of `relations`, selected as `hotline_analyst`, is refused.
    static func expectAnalystsCannotRead(_ relations: [String], on client: PostgresClient) async throws {
        for relation in relations {
            try await client.withConnection { connection in
                try await connection.query("SET ROLE hotline_analyst", logger: TestEnvironment.logger)
                await #expect(throws: PSQLError.self, "hotline_analyst reads \(relation)") {
                    try await connection.query(
                        PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(relation)"), logger: TestEnvironment.logger)
                }
                try await connection.query("RESET ROLE", logger: TestEnvironment.logger)
            }
        }
    }
}
