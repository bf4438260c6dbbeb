/// The body of one event type. Each conforming type is one versioned contract, described by a
/// JSON Schema in `Schemas/events/`.
public protocol EventPayload: Codable, Sendable {
    /// The event type this payload belongs to.
    static var eventType: EventType { get }
    /// The version of the payload's schema; a consumer rejects any other version.
    static var schemaVersion: Int { get }
}
