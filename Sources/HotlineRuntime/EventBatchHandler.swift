public import HotlineDomain
public import Logging
public import PostgresNIO

/// What a consuming service does with events: apply a batch of fresh events inside one
/// transaction (state changes and the outbox rows they cause).
public protocol EventBatchHandler: Sendable {
    /// The event types this consumer applies. Other types that belong on its topics are passed
    /// over; types that belong on none of them are poison.
    var acceptedTypes: Set<EventType> { get }

    /// Applies `events` (never seen before by this consumer group) on `connection`, which is
    /// inside the transaction that also records them as processed.
    func apply(_ events: [ConsumedEvent], on connection: PostgresConnection, logger: Logger) async throws
}

/// An event read from Kafka, with the trace context it arrived with.
public struct ConsumedEvent: Sendable {
    public var event: DecodedEvent
    /// The span that published the event.
    public var trace: TraceContext?
    /// This consumer's span applying it (a child of `trace`): the trace of the events it causes.
    public var span: TraceContext?
    /// The message as it arrived.
    public var bytes: [UInt8]

    public init(event: DecodedEvent, trace: TraceContext?, bytes: [UInt8] = []) {
        self.event = event
        self.trace = trace
        var generator = SystemRandomNumberGenerator()
        self.span = trace?.child(using: &generator)
        self.bytes = bytes
    }
}
