import HotlineDomain
import HotlineServices
import Hummingbird

/// `GET /units` (the org units, by district and kind) and `GET /units/{code}/queue` (a unit's
/// work queue; handlers read only their own).
enum UnitRoutes {
    static func add(to routes: RouterGroup<HotlineRequestContext>, _ services: GatewayServices) {
        routes.on("units/{code}/queue", .get, roles: Role.everyone) { request, context, principal in
            let code = context.parameters.get("code") ?? ""
            let items = try await services.reading.workQueue(
                of: code, limit: request.clampedLimit(maximum: ReadTickets.maximumPageSize, fallback: 100),
                for: principal)
            return try .json(WorkQueueView(unitCode: code, items: items))
        }
        routes.on("units", .get, roles: Role.everyone) { request, _, _ in
            let units = try await services.reference.current().reference.units
            let district = request.uri.queryParameters["district"].map(String.init)
            let kind = request.uri.queryParameters["kind"].map(String.init)
            return try .json(
                Page(
                    items: units.filter { unit in
                        (district == nil || unit.districtCode == district)
                            && (kind == nil || unit.kind.rawValue == kind)
                    }))
        }
    }
}
