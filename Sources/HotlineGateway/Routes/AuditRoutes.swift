import HotlineDomain
import HotlineServices
import Hummingbird

/// `GET /audit`: the trail of unmasked reads of callers' personal data, for administrators.
enum AuditRoutes {
    static func add(to routes: RouterGroup<HotlineRequestContext>, _ services: GatewayServices) {
        routes.on("audit", .get, roles: Role.administration) { request, _, _ in
            let query = try AuditQuery(request)
            let page = try await services.auditTrail.page(query.filter, before: query.cursor, limit: query.limit)
            return try .json(
                CursorPage(items: page.records.map(AuditEntryView.init), nextCursor: page.next.map(String.init)))
        }
    }
}
