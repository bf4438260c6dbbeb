import HotlineDomain
import HotlineServices
import Hummingbird

/// The governance programme (每月一题): `GET /governance/screening` (a year's problems ranked by
/// count, frequency, spread and growth, grouped into themes; the city's watchers), `POST
/// /governance/tasks` (an administrator adopts a problem as a task), `GET /governance/tasks` and
/// `GET /governance/tasks/{id}` (with the effect measured so far), `POST
/// /governance/tasks/{id}/progress` (the lead's report of a month).
enum GovernanceRoutes {
    static func add(to routes: RouterGroup<HotlineRequestContext>, _ services: GatewayServices) {
        routes.on("governance/screening", .get, roles: Role.everyone) { request, _, principal in
            let query = QueryReader(request)
            let year = try query.text("year").map { text in
                guard let year = Int(text) else { throw QueryProblem.invalid("year", "a year such as 2025") }
                return year
            }
            let report = try await services.governance.screen(
                year: year, limit: try query.limit(maximum: GovernanceProgram.maximumScreened, fallback: 30),
                for: principal)
            return try .json(report)
        }
        routes.on("governance/tasks", .post, roles: Role.administration) { request, _, principal in
            let (adoption, _) = try await JSONBody.decode(GovernanceAdoption.self, from: request)
            return try .json(try await services.governance.adopt(adoption, for: principal), status: .created)
        }
        routes.on("governance/tasks", .get, roles: Role.everyone) { _, _, principal in
            try .json(GovernanceTaskList(items: try await services.governance.list(for: principal)))
        }
        routes.on("governance/tasks/{id}", .get, roles: Role.everyone) { _, context, principal in
            try .json(try await services.governance.task(try context.governanceTaskId(), for: principal))
        }
        routes.on("governance/tasks/{id}/progress", .post, roles: Role.everyone) { request, context, principal in
            let id = try context.governanceTaskId()
            let (report, _) = try await JSONBody.decode(GovernanceProgressReport.self, from: request)
            return try .json(try await services.governance.report(report, on: id, for: principal))
        }
    }
}

/// The governance tasks the caller reads, newest first.
struct GovernanceTaskList: Encodable {
    var items: [GovernanceTask]
}
