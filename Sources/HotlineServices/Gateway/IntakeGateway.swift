import Foundation
import HotlineClassifier
import HotlineDomain
public import HotlineRuntime
import HotlineStorage
import Hummingbird
import Logging
import PostgresNIO

/// The operators' HTTP API: tickets (create, read, list and search), classification review,
/// direct answers from the knowledge base, the catalog and the gazetteer, and the OpenAPI
/// document that describes all of it (`Schemas/openapi.yaml`). Every route but health and
/// metrics needs a bearer token.
public enum IntakeGateway {
    public static func parts(_ resources: ServiceResources) throws -> ServiceParts {
        let numbering = resources.settings.database.makeClient(
            logger: resources.logger, settings: TicketStore.numberingSettings, maximumConnections: 4)
        let gateway = Gateway(
            resources: resources, numbering: numbering,
            authenticator: TokenAuthenticator(lifetime: resources.settings.tokenCacheLifetime, clock: resources.clock),
            snapshots: resources.classifierSnapshots(),
            openAPIDocument: try Data(
                contentsOf: resources.settings.schemaDirectory.appendingPathComponent("openapi.yaml")))
        return ServiceParts(workers: [numbering]) { router in
            router.add(middleware: ProblemMiddleware(logger: resources.logger))
            TicketRoutes.add(to: router, gateway)
            ReviewRoutes.add(to: router, gateway)
            ReferenceRoutes.add(to: router, gateway)
            HandlingRoutes.add(to: router, gateway)
        }
    }
}

/// What every gateway route uses.
struct Gateway: Sendable {
    let resources: ServiceResources
    /// The pool that hands out ticket numbers (`TicketStore.nextNumber`).
    let numbering: PostgresClient
    let authenticator: TokenAuthenticator
    let snapshots: ReferenceSnapshots<RequestClassifier>
    let openAPIDocument: Data

    /// Largest request body accepted, in bytes.
    static let maximumBodySize = 64 * 1024

    var logger: Logger { resources.logger }
    var database: PostgresClient { resources.database }

    func snapshot() async throws -> ReferenceSnapshot<RequestClassifier> {
        try await ServiceUnavailable.mapping { try await snapshots.current(from: database, logger: logger) }
    }

    /// Runs `work` in one transaction, turning an unreachable database into a 503. A problem
    /// `work` throws rolls the transaction back and reaches the client as it is.
    func transaction<T: Sendable>(_ work: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T
    {
        try await ServiceUnavailable.mapping {
            do {
                return try await database.withTransaction(logger: logger) { try await work($0) }
            } catch let error as PostgresTransactionError {
                if let problem = error.closureError as? ProblemDetails, error.rollbackError == nil { throw problem }
                throw error
            }
        }
    }

    /// Runs `work` on a pooled connection, turning an unreachable database into a 503.
    func connection<T: Sendable>(_ work: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await ServiceUnavailable.mapping { try await database.withConnection { try await work($0) } }
    }
}

extension Router<BasicRequestContext> {
    /// Adds a route that only callers holding a token of one of `roles` reach.
    func on(
        _ path: RouterPath, _ method: HTTPRequest.Method, roles: Set<Role>, _ gateway: Gateway,
        _ handler: @escaping @Sendable (Request, BasicRequestContext, Principal) async throws -> Response
    ) {
        on(path, method: method) { request, context in
            let principal = try await gateway.authenticator.authorize(
                request, roles: roles, database: gateway.database, logger: gateway.logger)
            return try await handler(request, context, principal)
        }
    }
}

extension Role {
    static let everyone: Set<Role> = Set(Role.allCases)
    static let intake: Set<Role> = [.operator, .admin]
    static let readers: Set<Role> = [.operator, .analyst, .admin]
    static let handling: Set<Role> = [.handler, .operator, .admin]
}

/// Turns a database that cannot be reached into a 503 problem with `Retry-After`, so clients
/// retry instead of treating the request as rejected.
enum ServiceUnavailable {
    static func mapping<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch  where PostgresFailures.causes(of: error).contains(where: isUnavailable) {
            // Also when the connection went away in the middle of a transaction.
            throw unavailable
        }
    }

    private static let unavailable = ProblemDetails(
        .serviceUnavailable, type: "/problems/database-unavailable", title: "The ticket store is unavailable",
        detail: "retry shortly",
        retryAfter: 2)

    /// The database is down, restarting or unreachable (rather than refusing the request):
    /// a lost or refused connection, or a server error of class 08 (connection exception) or
    /// 57 (shutting down, starting up), or a connection closed because of one.
    private static func isUnavailable(_ error: PSQLError) -> Bool {
        switch error.code {
        case .connectionError, .poolClosed, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            return true
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            return state.hasPrefix("08") || state.hasPrefix("57")
        default:
            return false
        }
    }
}

/// The problems every ticket route can answer with.
enum TicketProblem {
    static func invalidId(_ text: String) -> ProblemDetails {
        ProblemDetails(
            .badRequest, type: "/problems/invalid-ticket-id", title: "Invalid ticket id",
            detail: "'\(text.prefix(64))' is not a UUID")
    }

    static func notFound(_ id: UUID) -> ProblemDetails {
        ProblemDetails(
            .notFound, type: "/problems/ticket-not-found", title: "No such ticket", detail: "no ticket has id \(id)")
    }

    static func conflict(_ id: UUID, state: TicketState, action: String) -> ProblemDetails {
        ProblemDetails(
            .conflict, type: "/problems/illegal-transition", title: "Not possible in the ticket's state",
            detail: "ticket \(id) is \(state.rawValue); \(action) is not allowed then")
    }

    /// The ticket id in the path.
    static func id(_ context: BasicRequestContext) throws -> UUID {
        let text = context.parameters.get("id") ?? ""
        guard let id = UUID(uuidString: text) else { throw invalidId(text) }
        return id
    }
}
