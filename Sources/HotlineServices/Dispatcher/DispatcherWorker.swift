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

    /// A classified ticket to dispatch, and the trace of the event that classified it.
    public struct Classified: Sendable {
        public var ticketId: UUID
        public var classified: TicketClassified
        public var trace: TraceContext?

        public init(ticketId: UUID, classified: TicketClassified, trace: TraceContext?) {
            self.ticketId = ticketId
            self.classified = classified
            self.trace = trace
        }
    }

    /// Dispatches the classified `tickets` (each given once) in the caller's transaction: reads
    /// the original of a repeat request (`RepeatOriginals`), lets `rule` decide, moves the
    /// tickets to their units in one statement and adds the `ticket.dispatched` events `stamp`
    /// makes to `events`, which the caller records. Returns the dispatches made; a ticket waiting
    /// for review, or no longer waiting for dispatch, is left as it is.
    @discardableResult
    public static func dispatch(
        _ tickets: [Classified], rule: DispatchRule,
        stamp: (UUID, TicketDispatched) -> Event<TicketDispatched>, into events: inout EventBatch,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> [UUID: TicketDispatched] {
        var decided: [(ticket: Classified, event: Event<TicketDispatched>)] = []
        for ticket in tickets {
            var original: RepeatOriginal?
            if let repeated = ticket.classified.repeatOf {
                original = try await RepeatOriginals.original(repeated, on: connection, logger: logger)
            }
            guard let dispatch = rule.decide(ticket.classified, original: original) else { continue }
            decided.append((ticket, stamp(ticket.ticketId, dispatch)))
        }
        let moved = try await TicketStore.markDispatched(
            decided.map { ($0.ticket.ticketId, $0.event.payload, $0.event.metadata.occurredAt) }, from: [.classified],
            on: connection, logger: logger)
        var dispatched: [UUID: TicketDispatched] = [:]
        for (ticket, event) in decided {
            guard moved.contains(ticket.ticketId) else {
                logger.notice(
                    "ticket no longer waits for dispatch; event ignored", metadata: ["ticket": "\(ticket.ticketId)"])
                continue
            }
            try events.add(event, trace: ticket.trace)
            dispatched[ticket.ticketId] = event.payload
        }
        return dispatched
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
        let tickets = events.firstPerTicket().payloads(of: TicketClassified.self).map { consumed, classified in
            DispatcherWorker.Classified(
                ticketId: consumed.event.metadata.ticketId, classified: classified, trace: consumed.span)
        }
        try await DispatcherWorker.dispatch(
            tickets, rule: rule, stamp: { resources.event(about: $0, $1) }, into: &dispatched, on: connection,
            logger: logger)
        try await dispatched.record(on: connection, logger: logger)
    }
}
