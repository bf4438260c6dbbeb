import HotlineDomain
public import HotlineRuntime
import HotlineStorage
import Logging
import PostgresNIO

/// Reads `ticket.classified`, decides each ticket's unit with the catalog (`DispatchRule`) and
/// publishes `ticket.dispatched`. Tickets waiting for review are left alone.
public enum DispatcherWorker {
    public static func parts(_ resources: ServiceResources) throws -> ServiceParts {
        let handler = DispatchHandler(
            resources: resources, snapshots: resources.referenceSnapshots())
        return ServiceParts(workers: [try resources.consumer(handler: handler)])
    }
}

/// Applies a batch of `ticket.classified` events in the consumer's transaction.
struct DispatchHandler: EventBatchHandler {
    let resources: ServiceResources
    let snapshots: ReferenceSnapshots<Void>

    var acceptedTypes: Set<EventType> { HotlineServiceKind.dispatcher.appliedTypes }

    func apply(_ events: [ConsumedEvent], on connection: PostgresConnection, logger: Logger) async throws {
        let snapshot = try await snapshots.current(on: connection, logger: logger)
        let rule = DispatchRule(
            catalog: snapshot.reference.catalog, subCenterConfidence: resources.settings.subCenterConfidence)
        for (consumed, classified) in events.payloads(of: TicketClassified.self) {
            let ticketId = consumed.event.metadata.ticketId
            guard let dispatch = rule.decide(classified) else { continue }
            let event = resources.event(about: ticketId, dispatch)
            guard
                try await TicketStore.markDispatched(
                    ticketId, dispatch, from: [.classified], at: event.metadata.occurredAt, on: connection,
                    logger: logger)
            else {
                logger.notice("ticket no longer waits for dispatch; event ignored", metadata: ["ticket": "\(ticketId)"])
                continue
            }
            try await EventRecorder.record(event, trace: consumed.childTrace, on: connection, logger: logger)
        }
    }
}
