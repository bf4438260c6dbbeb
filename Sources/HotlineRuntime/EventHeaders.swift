import Foundation
public import HotlineKafka
public import HotlineStorage

/// The header names every event message carries, so consumers and operators can route and
/// trace without parsing the body.
public enum EventHeaderName {
    public static let eventId = "event-id"
    public static let eventType = "event-type"
    public static let schemaVersion = "schema-version"
    /// W3C Trace Context.
    public static let traceparent = "traceparent"
    /// On dead letters: the short reason code, the readable reason, and where the message was.
    public static let deadLetterReason = "dead-letter-reason"
    public static let deadLetterDetail = "dead-letter-detail"
    public static let deadLetterSource = "dead-letter-source"
    public static let deadLetterConsumer = "dead-letter-consumer"
}

extension KafkaOutgoingMessage {
    /// The message that publishes an outbox row.
    public init(_ entry: OutboxEntry) {
        var headers = [
            KafkaHeader(key: EventHeaderName.eventId, text: entry.eventId.uuidString.lowercased()),
            KafkaHeader(key: EventHeaderName.eventType, text: entry.eventType),
            KafkaHeader(key: EventHeaderName.schemaVersion, text: String(entry.schemaVersion)),
        ]
        if let traceparent = entry.traceparent {
            headers.append(KafkaHeader(key: EventHeaderName.traceparent, text: traceparent))
        }
        self.init(topic: entry.topic, key: Array(entry.messageKey.utf8), value: entry.body, headers: headers)
    }
}
