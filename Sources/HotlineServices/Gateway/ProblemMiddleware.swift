import Foundation
import Hummingbird
import Logging
import PostgresNIO

/// Makes every error the gateway answers with an RFC 9457 problem, also those no route throws
/// itself: a path or method the gateway does not serve (Hummingbird's plain `404`) becomes a
/// `/problems/not-found` problem, a request value PostgreSQL cannot hold (a NUL character in a
/// query parameter, say) a `400` `/problems/invalid-characters`, and any other unexpected error
/// a logged `500` `/problems/internal-error` that does not leak its cause. Problems the routes
/// throw pass through unchanged.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    let logger: Logger

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as ProblemDetails {
            throw problem
        } catch let error as any HTTPResponseError {
            throw Self.problem(for: error.status, request)
        } catch {
            if Self.isUnstorableCharacter(error) {
                throw ProblemDetails(
                    .badRequest, type: "/problems/invalid-characters",
                    title: "The request holds a character that cannot be stored",
                    detail: "NUL characters (U+0000) are not accepted")
            }
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

    /// The problem for an error Hummingbird itself raised with `status`.
    private static func problem(for status: HTTPResponse.Status, _ request: Request) -> ProblemDetails {
        guard status == .notFound else {
            return ProblemDetails(status, type: "/problems/http-error", title: status.reasonPhrase)
        }
        return ProblemDetails(
            .notFound, type: "/problems/not-found", title: "No such route",
            detail: "the gateway serves no \(request.method) \(request.uri.path.prefix(200))")
    }

    /// Whether PostgreSQL refused a value for holding a character it cannot store, in practice
    /// U+0000: in text (SQLSTATE 22021, `character_not_in_repertoire`) or as `\u0000` in jsonb
    /// (22P05, `untranslatable_character`), directly or inside a transaction.
    private static func isUnstorableCharacter(_ error: any Error) -> Bool {
        PostgresFailures.causes(of: error).contains { failure in
            let state = failure.serverInfo?[.sqlState]
            return state == "22021" || state == "22P05"
        }
    }
}
