import Foundation
import HotlineDomain
import HotlineRuntime

extension ServiceResources {
    /// A new event of this service about `ticketId`, stamped with the injected clock.
    func event<P: EventPayload>(about ticketId: UUID, _ payload: P) -> Event<P> {
        Event(id: UUID(), ticketId: ticketId, occurredAt: clock.now(), producer: kind.name, payload: payload)
    }
}

extension ConsumedEvent {
    /// The trace context for events caused by this one: a child span of the same trace.
    var childTrace: TraceContext? {
        var generator = SystemRandomNumberGenerator()
        return trace?.child(using: &generator)
    }
}
