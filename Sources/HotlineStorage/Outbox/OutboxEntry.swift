public import Foundation
public import HotlineDomain

/// One event as the outbox stores it: the wire bytes plus what the relay needs to publish them.
public struct OutboxEntry: Sendable {
    public var eventId: UUID
    public var producer: String
    public var topic: String
    /// The Kafka key: the ticket id, so one ticket's events stay in order on one partition.
    public var messageKey: String
    public var eventType: String
    public var schemaVersion: Int
    public var body: [UInt8]
    /// The W3C `traceparent` of the request or event that caused this one.
    public var traceparent: String?

    public init(
        eventId: UUID, producer: String, topic: String, messageKey: String, eventType: String,
        schemaVersion: Int, body: [UInt8], traceparent: String?
    ) {
        self.eventId = eventId
        self.producer = producer
        self.topic = topic
        self.messageKey = messageKey
        self.eventType = eventType
        self.schemaVersion = schemaVersion
        self.body = body
        self.traceparent = traceparent
    }

    /// The entry for `event`, on the topic its type belongs to.
    public init<P: EventPayload>(_ event: Event<P>, traceparent: String?) throws {
        self.init(
            eventId: event.metadata.id, producer: event.metadata.producer, topic: P.eventType.topic.name,
            messageKey: event.metadata.ticketId.uuidString.lowercased(), eventType: P.eventType.rawValue,
            schemaVersion: P.schemaVersion, body: try EventCodec.encode(event), traceparent: traceparent)
    }
}

/// An outbox row claimed by a relay.
public struct OutboxRow: Sendable {
    public var id: Int64
    public var entry: OutboxEntry
}
