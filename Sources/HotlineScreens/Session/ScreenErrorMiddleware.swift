import HotlineGateway
import HotlineServices
import HotlineStorage
public import Hummingbird
public import Logging

/// Renders what a screen refused or could not do as a page in the person's language (a fragment
/// for a page's script), with the status the refusal stands for. Use-case refusals are the same
/// as the API's; anything unexpected is logged and shown as a 500 page without its details.
public struct ScreenErrorMiddleware: RouterMiddleware {
    public typealias Context = ScreenRequestContext

    let renderer: ScreenRenderer
    let logger: Logger

    public init(renderer: ScreenRenderer, logger: Logger) {
        self.renderer = renderer
        self.logger = logger
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let error: ScreenError?
        do {
            return try await next(request, context)
        } catch let refusal as ScreenError {
            error = refusal
        } catch let refusal as TicketError {
            error = ScreenError(refusal)
        } catch let problem as ProblemDetails {
            error = ScreenError(problem)
        } catch let http as HTTPError where http.status == .notFound {
            error = .notFound
        } catch {
            logger.error("screen \(request.method) \(request.uri.path) failed: \(String(reflecting: error))")
            return try render(nil, request, context)
        }
        return try render(error, request, context)
    }

    private func render(_ error: ScreenError?, _ request: Request, _ context: Context) throws -> Response {
        let data: [String: Any] = [
            "errorTitle": renderer.text(error?.titleKey ?? "error.internal", context),
            "errorDetail": error?.detail ?? "",
            "signIn": error == .signInRequired || error == .formExpired,
        ]
        let status = error?.status ?? .internalServerError
        if ScreenRoutes.wantsFragment(request) {
            return try renderer.fragment("error-fragment", data, context, status: status)
        }
        return try renderer.page(
            "error", titleKey: error?.titleKey ?? "error.internal", data, request, context, status: status)
    }
}
