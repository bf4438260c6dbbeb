import HotlineDomain
import HotlineStorage
public import Hummingbird
public import Logging

/// The screens on the gateway's router, under `/ui/`: sign-in, then each person's pages, behind
/// the session cookie (`ScreenSessionMiddleware`); errors as pages (`ScreenErrorMiddleware`);
/// strict security headers on everything (`SecurityHeaders`), the server's time on each
/// (`ServerTiming`). `/` leads to the screens.
public enum ScreenRoutes {
    /// Adds the screens to `router`, served by `services`.
    public static func add(to router: Router<BasicRequestContext>, _ services: ScreenServices, logger: Logger) {
        router.get("/") { _, _ in Response.redirect(to: "/ui/", type: .normal) }
        let screens = router.group("ui", context: ScreenRequestContext.self)
            .add(middleware: ServerTiming())
            .add(middleware: SecurityHeaders())
            .add(middleware: ScreenErrorMiddleware(renderer: services.renderer, logger: logger))
            .add(
                middleware: ScreenSessionMiddleware(
                    signIn: services.signIn, languages: services.renderer.resources.strings.languages,
                    open: { $0 == "/ui/sign-in" || $0.hasPrefix("/ui/static/") || $0 == "/ui/language" }))
        SignInRoutes.add(to: screens, services)
        StaticRoutes.add(to: screens, services)
        DeskRoutes.add(to: screens, services)
        WorkbenchRoutes.add(to: screens, services)
        LeaderRoutes.add(to: screens, services)
    }

    /// Whether `request` came from a page's script wanting a fragment, not a whole page.
    static func wantsFragment(_ request: Request) -> Bool {
        request.headers[.init("X-Requested-With")!] != nil
    }
}

extension RouterGroup<ScreenRequestContext> {
    /// Adds a screen only people whose role is one of `roles` reach (others get a 403 page);
    /// `handler` gets the signed-in person.
    func on(
        _ path: String, _ method: HTTPRequest.Method, roles: Set<Role>,
        _ handler: @escaping @Sendable (Request, ScreenRequestContext, Principal) async throws -> Response
    ) {
        on(RouterPath(path), method: method) { request, context in
            let principal = try context.principal
            guard roles.contains(principal.role) else { throw ScreenError.forbidden }
            return try await handler(request, context, principal)
        }
    }
}
