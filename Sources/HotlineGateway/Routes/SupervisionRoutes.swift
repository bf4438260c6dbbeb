import HotlineDomain
import HotlineServices
import HotlineStorage
import Hummingbird

/// `GET /supervision`: the supervision list (督办) of the caller's scope for the center, the
/// sub-centers and the city's desks; townships, departments and enterprises get 403.
enum SupervisionRoutes {
    static func add(to routes: RouterGroup<HotlineRequestContext>, _ services: GatewayServices) {
        routes.on("supervision", .get, roles: Role.everyone) { request, _, principal in
            let query = try SupervisionQuery(request)
            let page = try await services.supervision.page(
                matching: query.filter, after: query.cursor, limit: query.limit, for: principal)
            return try .json(
                CursorPage(items: page.entries.map(SupervisedTicketView.init), nextCursor: page.next?.token))
        }
    }
}
