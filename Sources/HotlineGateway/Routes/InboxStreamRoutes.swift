import HotlineDomain
import HotlineServices
import Hummingbird

/// `GET /units/{code}/inbox/stream`: a unit's inbox as Server-Sent Events, for the same callers
/// as `GET /units/{code}/inbox`. It resumes after `Last-Event-ID` without gaps or duplicates,
/// then stays open for live items (unless `live=false`); the scope is checked, and a bad
/// request refused, before the stream starts.
enum InboxStreamRoutes {
    static func add(to routes: RouterGroup<HotlineRequestContext>, _ services: GatewayServices) {
        routes.on("units/{code}/inbox/stream", .get, roles: Role.everyone) { request, context, principal in
            let unit = context.parameters.get("code") ?? ""
            let query = try InboxStreamQuery(request)
            let following: FollowInbox.Following
            do {
                following = try await services.following.open(
                    unit, after: query.after, live: query.live, for: principal)
            } catch is InboxFeed.NotStarted {
                throw ProblemDetails(
                    .serviceUnavailable, type: "/problems/database-unavailable",
                    title: "The live inbox is not available yet", detail: "retry shortly", retryAfter: 2)
            }
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-cache"
            // Proxies that buffer responses (nginx) pass this one through as it is written.
            headers[.init("X-Accel-Buffering")!] = "no"
            return Response(
                status: .ok, headers: headers,
                body: ResponseBody { writer in
                    try await writer.write(InboxStreamEvent.opening)
                    try await following.deliver { try await writer.write(InboxStreamEvent.encoded($0)) }
                    try await writer.finish(nil)
                })
        }
    }
}
