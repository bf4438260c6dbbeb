import Foundation
import HotlineServices
import HotlineStorage
public import Hummingbird
public import Logging

/// Makes every error the gateway answers with an RFC 9457 problem: a use case's refusal
/// (`TicketError`) its problem document; a path or method the gateway does not serve
/// (Hummingbird's plain `404`) a `/problems/not-found` problem; a database that cannot be
/// reached a `503` `/problems/database-unavailable` with `Retry-After`, so clients retry; a
/// request value PostgreSQL cannot hold (a NUL character in a query parameter, say) a `400`
/// `/problems/invalid-characters`; and any other unexpected error a logged `500`
/// `/problems/internal-error` that does not leak its cause. Problems the routes throw pass
/// through unchanged. Under `/open311/`, where clients expect GeoReport v2's error list, a path
/// or method the gateway does not serve is answered with that list instead.
public struct ProblemMiddleware: RouterMiddleware {
    public typealias Context = BasicRequestContext

    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    /// Passes the request on, turning what it throws into a problem.
    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as ProblemDetails {
            throw problem
        } catch let error as TicketError {
            throw ProblemDetails(error)
        } catch let error as any HTTPResponseError {
            if request.uri.path.hasPrefix("/open311/") { return Self.open311Failure(for: error.status, request) }
            throw Self.problem(for: error.status, request)
        } catch  where StorageFailures.isUnavailable(error) {
            // Also when the connection went away in the middle of a transaction.
            throw ProblemDetails(
                .serviceUnavailable, type: "/problems/database-unavailable", title: "The ticket store is unavailable",
                detail: "retry shortly", retryAfter: 2)
        } catch  where StorageFailures.isUnstorableCharacter(error) {
            throw ProblemDetails(
                .badRequest, type: "/problems/invalid-characters",
                title: "The request holds a character that cannot be stored",
                detail: "NUL characters (U+0000) are not accepted")
        } catch {
            logger.error(
                "unexpected error",
                metadata: [
                    "method": "\(request.method)", "path": "\(request.uri.path)",
                    "error": "\(String(reflecting: error))",
                ])
            throw ProblemDetails(
                .internalServerError, type: "/problems/internal-error", title: "Internal error",
                detail: "the error is logged")
        }
    }

    /// The Open311 error list, in the format the path's extension names (JSON when it names
    /// none), for an error Hummingbird itself raised with `status` under `/open311/`.
    private static func open311Failure(for status: HTTPResponse.Status, _ request: Request) -> Response {
        let file = request.uri.path.split(separator: "/").last ?? ""
        let description =
            status == .notFound
            ? "the Open311 interface serves no \(request.method) \(request.uri.path.prefix(200))"
            : status.reasonPhrase
        return Open311Failure(status: status, description: description).response(
            Open311Format.split(file)?.format ?? .json)
    }

    /// The problem for an error Hummingbird itself raised with `status`.
    private static func problem(for status: HTTPResponse.Status, _ request: Request) -> ProblemDetails {
        guard status == .notFound else {
            return ProblemDetails(status, type: "/problems/http-error", title: status.reasonPhrase)
        }
        return ProblemDetails(
            .notFound, type: "/problems/not-found", title: "No such route",
            detail: "the gateway serves no \(request.method) \(request.uri.path.prefix(200))")
    }
}
