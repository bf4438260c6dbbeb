import HotlineDomain
public import HotlineRuntime
import HotlineStorage

/// Reads `ticket.received`, classifies each ticket and publishes `ticket.classified`.
public enum ClassifierWorker {
    public static func parts(_ resources: ServiceResources) throws -> ServiceParts {
        let handler = TicketTransition<TicketReceived, TicketClassified>(
            resources: resources,
            decide: { InitialClassification.classify($0.request) },
            persist: { id, classification, time, connection, logger in
                try await TicketStore.markClassified(id, classification, at: time, on: connection, logger: logger)
            })
        return ServiceParts(workers: [try resources.consumer(topics: [.received], handler: handler)])
    }
}
