import HotlineDomain
import HotlineGateway
import HotlineServices
import HotlineStorage
import Hummingbird

/// `GET /ui/units/{code}` (a unit's workbench: queue and live inbox), `GET
/// /ui/units/{code}/inbox/stream` (the inbox as Server-Sent Events, the API's stream behind the
/// session) and `POST /ui/units/{code}/inbox/acknowledge` (the unit's handlers acknowledge
/// items), and the ticket pages the workbench leads to (`TicketPageRoutes`). Who may open what
/// is decided by the use cases, as for the API.
enum WorkbenchRoutes {
    static func add(to screens: RouterGroup<ScreenRequestContext>, _ services: ScreenServices) {
        TicketPageRoutes.add(to: screens, services)
        screens.on("units/{code}", .get, roles: Role.everyone) { request, context, principal in
            let kind = request.uri.queryParameters["kind"].flatMap { InboxKind(rawValue: String($0)) }
            let data = try await WorkbenchPage.data(
                unit: context.parameters.get("code") ?? "", kind: kind, for: principal, services, context)
            return try services.renderer.page("workbench", titleKey: "workbench.title", data, request, context)
        }
        screens.on("units/{code}/inbox/stream", .get, roles: Role.everyone) { request, context, principal in
            try await InboxStreamRoutes.response(
                of: context.parameters.get("code") ?? "", try InboxStreamQuery(request), for: principal,
                services.api.following)
        }
        screens.on("units/{code}/inbox/acknowledge", .post, roles: Role.unitHandlers) { request, context, principal in
            let unit = context.parameters.get("code") ?? ""
            let ids = context.form.all("item").compactMap { Int64($0) }
            guard !ids.isEmpty else { throw ScreenError.invalid("item") }
            _ = try await services.api.inbox.mark(ids, of: unit, .acknowledged, by: principal)
            if ScreenRoutes.wantsFragment(request) { return Response(status: .noContent) }
            // Only the unit's own handlers get here (`mark` refuses the rest): the unit is theirs.
            return .redirect(to: "/ui/units/\(principal.unitCode ?? "")", type: .normal)
        }
    }
}
