import HotlineDomain
public import Hummingbird
public import Logging

/// The operators' HTTP API on a router: problem documents for every error, then, behind bearer
/// token authentication and the per-token rate limit, tickets (create, read, list and search), handling, classification
/// review, direct answers, reference data, inboxes, group cases, and the OpenAPI document that describes all of it
/// (`Schemas/openapi.yaml`).
public enum GatewayRouter {
    /// Adds the API's routes to `router`, served by `services`.
    public static func add(to router: Router<BasicRequestContext>, _ services: GatewayServices, logger: Logger) {
        router.add(middleware: ProblemMiddleware(logger: logger))
        let routes = router.group(context: HotlineRequestContext.self)
            .add(middleware: AuthenticationMiddleware(authenticator: services.authenticator))
            .add(middleware: RateLimitMiddleware(limiter: services.rateLimiter))
        TicketRoutes.add(to: routes, services)
        ReviewRoutes.add(to: routes, services)
        ReferenceRoutes.add(to: routes, services)
        HandlingRoutes.add(to: routes, services)
        UnitRoutes.add(to: routes, services)
        InboxRoutes.add(to: routes, services)
        SupervisionRoutes.add(to: routes, services)
        MeetingRoutes.add(to: routes, services)
        InboxStreamRoutes.add(to: routes, services)
        GroupCaseRoutes.add(to: routes, services)
        AuditRoutes.add(to: routes, services)
        ReportRoutes.add(to: routes, services)
        GovernanceRoutes.add(to: routes, services)
    }
}

extension RouterGroup<HotlineRequestContext> {
    /// Adds a route that only callers whose role is one of `roles` reach (others get a 403
    /// problem); `handler` gets the caller, and the context names the route as its purpose.
    func on(
        _ path: String, _ method: HTTPRequest.Method, roles: Set<Role>,
        _ handler: @escaping @Sendable (Request, HotlineRequestContext, Principal) async throws -> Response
    ) {
        let purpose = "\(method.rawValue) /\(path)"
        on(RouterPath(path), method: method) { request, context in
            var context = context
            context.purpose = purpose
            return try await handler(request, context, try context.principal(allowed: roles))
        }
    }
}
