import HotlineDomain
public import HotlineRuntime
import HotlineStorage
import Logging
import PostgresNIO

/// Reads `ticket.classified`, decides each ticket's unit and publishes `ticket.dispatched`.
public enum DispatcherWorker {
    public static func parts(_ resources: ServiceResources) throws -> ServiceParts {
        ServiceParts(workers: [try resources.consumer(topics: [.classified], handler: Handler(resources: resources))])
    }

    struct Handler: EventBatchHandler {
        let resources: ServiceResources
        var acceptedTypes: Set<EventType> { [.ticketClassified] }

        func apply(_ events: [ConsumedEvent], on connection: PostgresConnection, logger: Logger) async throws {
            for consumed in events {
                guard let classified = consumed.event.payload(as: TicketClassified.self) else { continue }
                let ticketId = consumed.event.metadata.ticketId
                let dispatch = DispatchRule.decide(classified)
                let event = resources.event(about: ticketId, dispatch)
                guard try await TicketStore.markDispatched(ticketId, dispatch, at: event.metadata.occurredAt, on: connection, logger: logger) else {
                    logger.notice("ticket not awaiting dispatch; event ignored", metadata: ["ticket": "\(ticketId)"])
                    continue
                }
                try await EventRecorder.record(event, trace: consumed.childTrace, on: connection, logger: logger)
            }
        }
    }
}
