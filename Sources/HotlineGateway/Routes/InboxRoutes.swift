import HotlineDomain
import HotlineServices
import HotlineStorage
import Hummingbird

/// A unit's inbox: `GET /units/{code}/inbox` (pages, filters, open counts by kind) for the unit
/// and the levels above it, and `POST /units/{code}/inbox/read` and `.../acknowledge` for the
/// unit's own handlers.
enum InboxRoutes {
    static func add(to routes: RouterGroup<HotlineRequestContext>, _ services: GatewayServices) {
        routes.on("units/{code}/inbox", .get, roles: Role.everyone) { request, context, principal in
            let unit = context.parameters.get("code") ?? ""
            let query = try InboxQuery(request)
            let page = try await services.inbox.page(
                of: unit, matching: query.filter, before: query.cursor, limit: query.limit, for: principal)
            return try .json(InboxPageView(unitCode: unit, page))
        }
        routes.on("units/{code}/inbox/read", .post, roles: Role.unitHandlers) { request, context, principal in
            try await mark(.read, request, context, principal, services)
        }
        routes.on("units/{code}/inbox/acknowledge", .post, roles: Role.unitHandlers) { request, context, principal in
            try await mark(.acknowledged, request, context, principal, services)
        }
    }

    /// Marks the items the body names, for the unit in the path.
    private static func mark(
        _ mark: InboxStore.Mark, _ request: Request, _ context: HotlineRequestContext, _ principal: Principal,
        _ services: GatewayServices
    ) async throws -> Response {
        let unit = context.parameters.get("code") ?? ""
        let (body, _) = try await JSONBody.decode(InboxMarkBody.self, from: request)
        let changed = try await services.inbox.mark(try body.checked(), of: unit, mark, by: principal)
        return try .json(InboxMarkView(changed: changed))
    }
}
