public import Foundation
public import HotlineDomain

/// Makes the events a use case records: a new id, the time, and the service that produces them.
public struct EventStamp: Sendable {
    /// The producing service's name (`HotlineServiceKind.name`).
    public let producer: String

    public init(producer: String) {
        self.producer = producer
    }

    /// A new event of this service about `ticketId` that happened at `time`.
    public func event<P: EventPayload>(about ticketId: UUID, _ payload: P, at time: Date) -> Event<P> {
        Event(id: UUID(), ticketId: ticketId, occurredAt: time, producer: producer, payload: payload)
    }
}
