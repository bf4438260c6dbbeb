public import HotlineDomain
public import Hummingbird

/// The request context of every authenticated route: Hummingbird's context plus the caller,
/// which `AuthenticationMiddleware` sets from the bearer token before any route runs.
public struct HotlineRequestContext: ChildRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The token's holder; nil only before the middleware ran.
    public var principal: Principal?
    /// The route being served (`GET /tickets/{id}`), as the audit trail records it.
    public var purpose: String

    public init(context: BasicRequestContext) {
        coreContext = context.coreContext
        principal = nil
        purpose = ""
    }

    /// The caller, if its role is one of `roles`; else a 403 problem (401 when no middleware
    /// authenticated the request).
    public func principal(allowed roles: Set<Role>) throws -> Principal {
        guard let principal else { throw AuthenticationMiddleware.unauthorized("the request is not authenticated") }
        guard roles.contains(principal.role) else {
            throw ProblemDetails(
                .forbidden, type: "/problems/forbidden", title: "Not allowed for this role",
                detail:
                    "role '\(principal.role.rawValue)' may not do this; allowed: \(roles.map(\.rawValue).sorted().joined(separator: ", "))"
            )
        }
        return principal
    }
}
