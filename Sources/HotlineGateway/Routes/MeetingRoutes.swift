import HotlineDomain
import HotlineServices
import Hummingbird

/// `GET /units/{code}/meeting`: a township's leadership-meeting agenda, open and decided items,
/// for whoever may read the unit's work queue.
enum MeetingRoutes {
    static func add(to routes: RouterGroup<HotlineRequestContext>, _ services: GatewayServices) {
        routes.on("units/{code}/meeting", .get, roles: Role.everyone) { request, context, principal in
            let unit = context.parameters.get("code") ?? ""
            let query = QueryReader(request)
            let limit = try query.limit(maximum: ReadMeetingAgenda.maximumPageSize, fallback: 100)
            let cursor = try query.text("cursor").map { value in
                guard let cursor = Int64(value), cursor > 0 else {
                    throw QueryProblem.invalid("cursor", "the next_cursor of a previous page")
                }
                return cursor
            }
            let page = try await services.meetingAgenda.page(of: unit, before: cursor, limit: limit, for: principal)
            return try .json(
                CursorPage(items: page.items.map(MeetingAgendaItemView.init), nextCursor: page.next.map(String.init)))
        }
    }
}
