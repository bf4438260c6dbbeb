import Foundation
public import HotlineRuntime
import HotlineServices
import HotlineStorage

/// The intake gateway service: the operators' HTTP API (`GatewayRouter`) over PostgreSQL, with
/// a pool of its own for ticket numbers and the audit trail's writer. Every route but health and
/// metrics needs a bearer token.
public enum IntakeGateway {
    /// The gateway's workers and routes, for `ServiceRuntime.run(.intakeGateway)`.
    public static func parts(_ resources: ServiceResources) throws -> ServiceParts {
        let numbering = resources.settings.database.makeClient(
            logger: resources.logger, settings: TicketStore.numberingSettings, maximumConnections: 4)
        let audit = AuditTrailWriter(database: resources.database, logger: resources.logger)
        let services = GatewayServices(
            repository: PostgresTicketRepository(
                database: resources.database, numbering: numbering, logger: resources.logger),
            reference: try resources.gatewayReference(),
            authenticator: TokenAuthenticator(
                directory: PostgresPrincipalDirectory(database: resources.database, logger: resources.logger),
                lifetime: resources.settings.tokenCacheLifetime, clock: resources.clock),
            audit: audit, auditReader: PostgresAuditReader(database: resources.database, logger: resources.logger),
            clock: resources.clock, producer: resources.kind.name, timeZone: resources.settings.timeZone,
            openAPIDocument: try Data(
                contentsOf: resources.settings.schemaDirectory.appendingPathComponent("openapi.yaml")))
        // The audit writer after the numbering pool: shutdown runs in reverse, so it writes its
        // last entries after the HTTP server has answered its last request.
        return ServiceParts(workers: [numbering, audit]) { router in
            GatewayRouter.add(to: router, services, logger: resources.logger)
        }
    }
}
