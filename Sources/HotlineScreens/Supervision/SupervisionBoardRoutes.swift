import HotlineDomain
import HotlineGateway
import HotlineServices
import HotlineStorage
import Hummingbird

/// `GET /ui/supervision`: the supervision board (督办看板) of a sub-center or the center, the
/// overdue supervised tickets of the person's scope grouped by lead unit (the API's
/// `GET /supervision` use case); `GET /ui/supervision/rows` is the table's body, refreshed every 5 s.
enum SupervisionBoardRoutes {
    /// The most tickets the board lists (pages of the use case read one after another).
    static let maximumTickets = 1_000

    static func add(to screens: RouterGroup<ScreenRequestContext>, _ services: ScreenServices) {
        screens.on("supervision", .get, roles: Role.everyone) { request, context, principal in
            try services.renderer.page(
                "supervision", titleKey: "supervision.title", try await rows(services, context, principal), request,
                context)
        }
        screens.on("supervision/rows", .get, roles: Role.everyone) { _, context, principal in
            try services.renderer.fragment("supervision-rows", try await rows(services, context, principal), context)
        }
    }

    /// The board's data for `principal`: the groups, the count, whether the list was cut short.
    private static func rows(
        _ services: ScreenServices, _ context: ScreenRequestContext, _ principal: Principal
    ) async throws -> [String: Any] {
        var entries: [SupervisionBoard.Entry] = []
        var cursor: TicketCursor?
        repeat {
            let page = try await services.api.supervision.page(
                matching: SupervisionStore.Filter(), after: cursor, limit: SupervisionBoard.maximumPageSize,
                for: principal)
            entries += page.entries
            cursor = page.next
        } while cursor != nil && entries.count < maximumTickets
        let reference = try await services.api.reference.current().reference
        return [
            "groups": SupervisionBoardView.groups(entries, reference: reference) {
                services.renderer.text($0, context)
            },
            "total": entries.count, "empty": entries.isEmpty, "truncated": cursor != nil,
        ]
    }
}
