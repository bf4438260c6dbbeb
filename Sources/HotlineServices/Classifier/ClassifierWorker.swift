import HotlineDomain
public import HotlineRuntime
import HotlineStorage
import Logging
import PostgresNIO

/// Reads `ticket.received`, classifies each ticket and publishes `ticket.classified`.
public enum ClassifierWorker {
    public static func parts(_ resources: ServiceResources) throws -> ServiceParts {
        ServiceParts(workers: [try resources.consumer(topics: [.received], handler: Handler(resources: resources))])
    }

    struct Handler: EventBatchHandler {
        let resources: ServiceResources
        var acceptedTypes: Set<EventType> { [.ticketReceived] }

        func apply(_ events: [ConsumedEvent], on connection: PostgresConnection, logger: Logger) async throws {
            for consumed in events {
                guard let received = consumed.event.payload(as: TicketReceived.self) else { continue }
                let ticketId = consumed.event.metadata.ticketId
                let classification = InitialClassification.classify(received.request)
                let event = resources.event(about: ticketId, classification)
                guard try await TicketStore.markClassified(ticketId, classification, at: event.metadata.occurredAt, on: connection, logger: logger) else {
                    logger.notice("ticket not awaiting classification; event ignored", metadata: ["ticket": "\(ticketId)"])
                    continue
                }
                try await EventRecorder.record(event, trace: consumed.childTrace, on: connection, logger: logger)
            }
        }
    }
}
