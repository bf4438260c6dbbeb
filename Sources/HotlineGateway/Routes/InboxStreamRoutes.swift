public import HotlineDomain
public import HotlineServices
public import Hummingbird

/// `GET /units/{code}/inbox/stream`: a unit's inbox as Server-Sent Events, for the same callers
/// as `GET /units/{code}/inbox`. It resumes after `Last-Event-ID` without gaps or duplicates,
/// then stays open for live items (unless `live=false`); the scope is checked, and a bad
/// request refused, before the stream starts. The screens serve the same stream
/// (`response(of:_:for:_:)`) behind their session.
public enum InboxStreamRoutes {
    static func add(to routes: RouterGroup<HotlineRequestContext>, _ services: GatewayServices) {
        routes.on("units/{code}/inbox/stream", .get, roles: Role.everyone) { request, context, principal in
            try await response(
                of: context.parameters.get("code") ?? "", try InboxStreamQuery(request), for: principal,
                services.following)
        }
    }

    /// The event stream of `unit`'s inbox as `query` asks for it, followed for `principal`
    /// through `following`; fails, before anything is sent, when `principal` may not read that
    /// inbox, or with a 503 problem while the live inbox cannot start.
    public static func response(
        of unit: String, _ query: InboxStreamQuery, for principal: Principal, _ following: FollowInbox
    ) async throws -> Response {
        let followed: FollowInbox.Following
        do {
            followed = try await following.open(unit, after: query.after, live: query.live, for: principal)
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
                try await followed.deliver { try await writer.write(InboxStreamEvent.encoded($0)) }
                try await writer.finish(nil)
            })
    }
}
