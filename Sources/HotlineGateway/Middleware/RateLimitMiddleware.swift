import Foundation
import HotlineDomain
import HotlineRuntime
public import Hummingbird

/// Limits each token's requests (`TokenRateLimiter`); runs after `AuthenticationMiddleware`, so
/// every request it sees has a token. Over the limit: a `429` `/problems/rate-limited` problem
/// with `Retry-After` in whole seconds.
public struct RateLimitMiddleware: RouterMiddleware {
    public typealias Context = HotlineRequestContext

    let limiter: TokenRateLimiter

    public init(limiter: TokenRateLimiter) {
        self.limiter = limiter
    }

    /// Passes the request on, or throws a 429 problem.
    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let principal = context.principal,
            case .refused(let retryAfter) = limiter.admit(principal.tokenId)
        else {
            return try await next(request, context)
        }
        throw ProblemDetails(
            .tooManyRequests, type: "/problems/rate-limited", title: "Too many requests",
            detail:
                "this token may send \(limiter.policy.burst) requests at once and \(limiter.policy.perSecond.formatted()) a second after that; retry in \(retryAfter) s",
            retryAfter: retryAfter)
    }
}
