import Foundation
import HotlineDomain
public import HotlineRuntime
import HotlineServices
import HotlineStorage
public import Hummingbird

/// The intake gateway service: the operators' HTTP API (`GatewayRouter`) over PostgreSQL, with
/// a pool of its own for ticket numbers and the audit trail's writer. Every route but health and
/// metrics needs a bearer token and is rate-limited per token.
public enum IntakeGateway {
    /// The gateway's workers and routes, for `ServiceRuntime.run(.intakeGateway)`; `adding` puts
    /// more routes on the same router over the same use cases (the screens).
    public static func parts(
        _ resources: ServiceResources,
        adding more: @escaping @Sendable (Router<BasicRequestContext>, GatewayServices) -> Void = { _, _ in }
    ) throws -> ServiceParts {
        let numbering = resources.settings.database.makeClient(
            logger: resources.logger, settings: TicketStore.numberingSettings, maximumConnections: 4)
        // Tokens are created, revoked and expire in real time (`hotline tokens` stamps them with the
        // machine's clock), the rate limit guards real capacity, and the audit trail says when a
        // person looked: all read the machine's clock even when the tickets follow the shared
        // simulated one.
        let realTime = SystemClock()
        let audit = AuditTrailWriter(database: resources.database, clock: realTime, logger: resources.logger)
        let inbox = PostgresInboxRepository(database: resources.database, logger: resources.logger)
        let feed = InboxFeed(
            inbox: inbox,
            signal: PostgresInboxCommitSignal(configuration: resources.settings.database, logger: resources.logger),
            logger: resources.logger)
        var configured = GatewayServices(
            repository: PostgresTicketRepository(
                database: resources.database, numbering: numbering, doorbell: resources.doorbell,
                logger: resources.logger),
            reference: try resources.gatewayReference(),
            authenticator: TokenAuthenticator(
                directory: PostgresPrincipalDirectory(database: resources.database, logger: resources.logger),
                lifetime: resources.settings.tokenCacheLifetime, clock: realTime),
            rateLimiter: TokenRateLimiter(policy: resources.settings.tokenRateLimit, clock: realTime),
            audit: audit, auditReader: PostgresAuditReader(database: resources.database, logger: resources.logger),
            inbox: inbox, feed: feed,
            supervision: PostgresSupervisionRepository(database: resources.database, logger: resources.logger),
            reports: PostgresPeriodReportRepository(database: resources.database, logger: resources.logger),
            governance: PostgresGovernanceTaskRepository(database: resources.database, logger: resources.logger),
            clock: resources.clock, producer: resources.kind.name, timeZone: resources.settings.timeZone,
            openAPIDocument: try Data(
                contentsOf: resources.settings.schemaDirectory.appendingPathComponent("openapi.yaml")))
        configured.spans = resources.spans
        let services = configured
        // The audit writer after the numbering pool: shutdown runs in reverse, so it writes its
        // last entries after the HTTP server has answered its last request. The inbox feed last:
        // the live streams end with the HTTP server (on its graceful shutdown), then the feed stops.
        let definitions = try ServiceDefinitions(
            json: Data(contentsOf: resources.settings.schemaDirectory.appendingPathComponent(ServiceDefinitions.file)))
        let open311 = Open311Services(
            filing: FileServiceRequest(
                intake: services.intake, reference: services.reference, definitions: definitions,
                places: BoundaryLocator(
                    database: resources.database, reference: services.reference,
                    centres: try DistrictCentre.centres(schemaDirectory: resources.settings.schemaDirectory),
                    logger: resources.logger)),
            reading: ReadServiceRequests(
                repository: PostgresServiceRequestRepository(database: resources.database, logger: resources.logger),
                clock: resources.clock),
            definitions: definitions, answersWithTokens: resources.settings.open311AnswersWithTokens,
            timeZone: resources.settings.timeZone)
        return ServiceParts(
            workers: [numbering, audit, feed],
            routes: { router in
                GatewayRouter.add(to: router, services, logger: resources.logger)
                Open311Routes.add(to: router, services, open311, logger: resources.logger)
                more(router, services)
            },
            warmUp: { _ = try await services.reference.current() })
    }
}
