import Foundation
public import Hummingbird

/// Authenticates every request of the routes it wraps: `Authorization: Bearer <token>` must
/// name a live token, neither revoked nor expired (else a 401 problem with `WWW-Authenticate: Bearer`); its holder goes into
/// the context for the routes' role checks.
public struct AuthenticationMiddleware: RouterMiddleware {
    public typealias Context = HotlineRequestContext

    let authenticator: TokenAuthenticator

    public init(authenticator: TokenAuthenticator) {
        self.authenticator = authenticator
    }

    /// Sets the caller in the context and passes the request on, or throws a 401 problem.
    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer "),
            case let secret = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces), !secret.isEmpty
        else {
            throw Self.unauthorized(
                "send 'Authorization: Bearer <token>'; tokens are made with 'hotline tokens create'")
        }
        guard let principal = try await authenticator.principal(for: secret) else {
            throw Self.unauthorized("the token is unknown, revoked or expired")
        }
        var context = context
        context.principal = principal
        return try await next(request, context)
    }

    /// A 401 problem asking for a bearer token.
    static func unauthorized(_ detail: String) -> ProblemDetails {
        ProblemDetails(
            .unauthorized, type: "/problems/unauthorized", title: "Authentication required", detail: detail,
            challenge: "Bearer")
    }
}
