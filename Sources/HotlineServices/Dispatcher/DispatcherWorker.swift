import HotlineDomain
public import HotlineRuntime
import HotlineStorage

/// Reads `ticket.classified`, decides each ticket's unit and publishes `ticket.dispatched`.
public enum DispatcherWorker {
    public static func parts(_ resources: ServiceResources) throws -> ServiceParts {
        let handler = TicketTransition<TicketClassified, TicketDispatched>(
            resources: resources,
            decide: DispatchRule.decide,
            persist: { id, dispatch, time, connection, logger in
                try await TicketStore.markDispatched(id, dispatch, at: time, on: connection, logger: logger)
            })
        return ServiceParts(workers: [try resources.consumer(topics: [.classified], handler: handler)])
    }
}
