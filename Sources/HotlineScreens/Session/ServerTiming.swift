public import Hummingbird

/// `Server-Timing: app;dur=<ms>` on every screen: the time the gateway spent on the page or
/// fragment (session, use cases, rendering), which browsers' tools and the screens benchmark read.
public struct ServerTiming<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        var response = try await next(request, context)
        let elapsed = clock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        response.headers[.init("Server-Timing")!] = "app;dur=\((milliseconds * 100).rounded() / 100)"
        return response
    }
}
