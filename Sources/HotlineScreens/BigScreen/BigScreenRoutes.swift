import HotlineDomain
import HotlineServices
import Hummingbird

/// `GET /ui/big-screen`: the big screen (大屏, 1920×1080, no scrolling) for the city's watchers
/// (analysts, admins, the center); `GET /ui/big-screen/<panel>` each panel's fragment, which the
/// page fetches again every few seconds (`BigScreenPanel`).
enum BigScreenRoutes {
    static func add(to screens: RouterGroup<ScreenRequestContext>, _ services: ScreenServices) {
        screens.on("big-screen", .get, roles: Role.everyone) { request, context, principal in
            var data: [String: Any] = [:]
            for panel in BigScreenPanel.allCases {
                data[panel.key] = try await panel.data(services, principal, context)
            }
            return try services.renderer.page("big-screen", titleKey: "big_screen.title", data, request, context)
        }
        screens.on("big-screen/{panel}", .get, roles: Role.everyone) { _, context, principal in
            guard let panel = context.parameters.get("panel").flatMap(BigScreenPanel.init(rawValue:)) else {
                throw ScreenError.notFound
            }
            return try services.renderer.fragment(
                panel.template, try await panel.data(services, principal, context), context)
        }
    }
}
