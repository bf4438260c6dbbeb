public import Foundation
public import HotlineDomain
public import HotlineRuntime
import HotlineStorage
public import Logging
public import PostgresNIO

/// Reads `ticket.classified`, decides each ticket's unit with the catalog (`DispatchRule`; a
/// repeat request with what its original's unit did) and publishes `ticket.dispatched`.
/// Tickets waiting for review are left alone.
public enum DispatcherWorker {
    public static func parts(_ resources: ServiceResources) throws -> ServiceParts {
        let snapshots = resources.referenceSnapshots()
        let handler = DispatchHandler(resources: resources, snapshots: snapshots)
        return ServiceParts(
            workers: [try resources.consumer(handler: handler)],
            warmUp: { _ = try await snapshots.current(from: resources.database, logger: resources.logger) })
    }

    /// Dispatches the classified ticket `ticketId` in the caller's transaction: reads the
    /// original of a repeat request (`RepeatOriginals`), lets `rule` decide, moves the ticket to
    /// its unit and adds the `ticket.dispatched` event `stamp` makes to `events`, which the caller
    /// records. Nil, changing nothing, while the ticket waits for review or when it no longer
    /// waits for dispatch.
    @discardableResult
    public static func dispatch(
        _ ticketId: UUID, _ classified: TicketClassified, rule: DispatchRule, trace: TraceContext?,
        stamp: (TicketDispatched) -> Event<TicketDispatched>, into events: inout EventBatch,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> TicketDispatched? {
        var original: RepeatOriginal?
        if let repeated = classified.repeatOf {
            original = try await RepeatOriginals.original(repeated, on: connection, logger: logger)
        }
        guard let dispatch = rule.decide(classified, original: original) else { return nil }
        let event = stamp(dispatch)
        guard
            try await TicketStore.markDispatched(
                ticketId, dispatch, from: [.classified], at: event.metadata.occurredAt, on: connection, logger: logger)
        else {
            logger.notice("ticket no longer waits for dispatch; event ignored", metadata: ["ticket": "\(ticketId)"])
            return nil
        }
        try events.add(event, trace: trace)
        return dispatch
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
        var dispatched = EventBatch()
        for (consumed, classified) in events.payloads(of: TicketClassified.self) {
            let ticketId = consumed.event.metadata.ticketId
            try await DispatcherWorker.dispatch(
                ticketId, classified, rule: rule, trace: consumed.span,
                stamp: { resources.event(about: ticketId, $0) }, into: &dispatched, on: connection, logger: logger)
        }
        try await dispatched.record(on: connection, logger: logger)
    }
}
