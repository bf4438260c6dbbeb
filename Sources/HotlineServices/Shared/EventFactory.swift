import Foundation
import HotlineDomain
import HotlineRuntime

extension ServiceResources {
    /// A new event of this service about `ticketId`, stamped with the injected clock.
    func event<P: EventPayload>(about ticketId: UUID, _ payload: P) -> Event<P> {
        event(about: ticketId, payload, at: clock.now())
    }

    /// A new event of this service about `ticketId` that happened at `time`.
    func event<P: EventPayload>(about ticketId: UUID, _ payload: P, at time: Date) -> Event<P> {
        Event(id: UUID(), ticketId: ticketId, occurredAt: time, producer: kind.name, payload: payload)
    }
}
