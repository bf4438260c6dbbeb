public import Foundation

/// The fields every event carries besides its payload.
public struct EventMetadata: Codable, Sendable, Equatable {
    /// Unique per event; consumers use it to process each event once.
    public var id: UUID
    public var type: EventType
    public var schemaVersion: Int
    public var ticketId: UUID
    public var occurredAt: Date
    /// The service that produced the event, e.g. `intake-gateway`.
    public var producer: String

    public init(id: UUID, type: EventType, schemaVersion: Int, ticketId: UUID, occurredAt: Date, producer: String) {
        self.id = id
        self.type = type
        self.schemaVersion = schemaVersion
        self.ticketId = ticketId
        self.occurredAt = occurredAt
        self.producer = producer
    }

    enum CodingKeys: String, CodingKey {
        case id, type, producer
        case schemaVersion = "schema_version"
        case ticketId = "ticket_id"
        case occurredAt = "occurred_at"
    }
}

/// One event: its metadata and its typed payload.
public struct Event<Payload: EventPayload>: Sendable {
    public var metadata: EventMetadata
    public var payload: Payload

    /// A new event of `Payload`'s type about `ticketId`.
    public init(id: UUID, ticketId: UUID, occurredAt: Date, producer: String, payload: Payload) {
        self.metadata = EventMetadata(
            id: id, type: Payload.eventType, schemaVersion: Payload.schemaVersion,
            ticketId: ticketId, occurredAt: occurredAt, producer: producer)
        self.payload = payload
    }
}

/// An event read from the wire whose payload type is known only at run time.
public struct DecodedEvent: Sendable {
    public var metadata: EventMetadata
    public var payload: any EventPayload

    /// The payload as `P`, or nil when the event is of another type.
    public func payload<P: EventPayload>(as type: P.Type) -> P? {
        payload as? P
    }
}
