import HotlineDomain
import HotlineServices
import HotlineStorage
import Hummingbird

/// Group cases (群体诉求): `GET /group-cases` (cursor pages of the caller's scope), `GET
/// /group-cases/{id}` (the case with its linked tickets) and `POST /group-cases/{id}/resolve`
/// (one resolution closes every linked ticket, each with its own event).
enum GroupCaseRoutes {
    static func add(to routes: RouterGroup<HotlineRequestContext>, _ services: GatewayServices) {
        routes.on("group-cases", .get, roles: Role.everyone) { request, _, principal in
            let query = try GroupCaseQuery(request)
            let page = try await services.groupCases.list(after: query.cursor, limit: query.limit, for: principal)
            return try .json(CursorPage(items: page.cases.map(GroupCaseView.init), nextCursor: page.next?.token))
        }
        routes.on("group-cases/{id}", .get, roles: Role.everyone) { _, context, principal in
            let (groupCase, tickets) = try await services.groupCases.groupCase(
                try context.groupCaseId(), for: principal)
            return try .json(GroupCaseDetailView(groupCase, tickets: tickets))
        }
        routes.on("group-cases/{id}/resolve", .post, roles: Role.handling) { request, context, principal in
            let id = try context.groupCaseId()
            let (body, _) = try await JSONBody.decode(GroupResolution.self, from: request)
            let outcome = try await services.groupResolution.resolve(id, body, by: principal)
            return try .json(GroupResolutionView(outcome))
        }
    }
}
