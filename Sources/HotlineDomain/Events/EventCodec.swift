import Foundation

/// Turns events into the JSON bytes that travel on Kafka and back, and says precisely why a
/// message cannot be read.
///
/// The wire form is one JSON object: `id`, `type`, `schema_version`, `ticket_id`,
/// `occurred_at` (RFC 3339 with milliseconds), `producer` and `payload`.
public enum EventCodec {
    /// The JSON bytes of `event`.
    public static func encode<P: EventPayload>(_ event: Event<P>) throws -> [UInt8] {
        let wire = WireEvent(
            id: event.metadata.id, type: event.metadata.type.rawValue,
            schemaVersion: event.metadata.schemaVersion, ticketId: event.metadata.ticketId,
            occurredAt: event.metadata.occurredAt, producer: event.metadata.producer,
            payload: event.payload)
        return Array(try encoder.encode(wire))
    }

    /// Reads `bytes` as one of the `accepted` event types, or explains why it is poison.
    public static func decode(
        _ bytes: some Collection<UInt8>, accepting accepted: Set<EventType>
    ) -> Result<DecodedEvent, PoisonReason> {
        let data = Data(bytes)
        let header: WireHeader
        do {
            header = try decoder.decode(WireHeader.self, from: data)
        } catch {
            guard (try? JSONSerialization.jsonObject(with: data)) != nil else { return .failure(.notJSON) }
            return .failure(.invalidEnvelope(String(describing: error)))
        }
        guard let type = EventType(rawValue: header.type) else { return .failure(.unknownType(header.type)) }
        guard accepted.contains(type) else { return .failure(.unexpectedType(header.type)) }
        let payloadType = type.payloadType
        guard header.schemaVersion == payloadType.schemaVersion else {
            return .failure(.unsupportedSchemaVersion(type: header.type, version: header.schemaVersion))
        }
        do {
            let payload = try decodePayload(payloadType, from: data)
            let metadata = EventMetadata(
                id: header.id, type: type, schemaVersion: header.schemaVersion, ticketId: header.ticketId,
                occurredAt: header.occurredAt, producer: header.producer)
            return .success(DecodedEvent(metadata: metadata, payload: payload))
        } catch {
            return .failure(.payloadMismatch(String(describing: error)))
        }
    }

    private static func decodePayload<P: EventPayload>(_ type: P.Type, from data: Data) throws -> P {
        try decoder.decode(WireEvent<P>.self, from: data).payload
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(millisecondTimestamp(date))
        }
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = try? Date(text, strategy: timestampStyle) { return date }
            return try Date(text, strategy: Date.ISO8601FormatStyle())
        }
        return decoder
    }()

    private static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// RFC 3339 in UTC with exactly three fraction digits, rounded to the nearest millisecond
    /// (the format style truncates, which turns .123 into .122 for most binary doubles).
    static func millisecondTimestamp(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let (wholeSeconds, positiveFraction) = fraction < 0 ? (seconds - 1, fraction + 1000) : (seconds, fraction)
        let base = Date(timeIntervalSince1970: TimeInterval(wholeSeconds)).formatted(Date.ISO8601FormatStyle())
        return base.dropLast() + "." + Int(positiveFraction).zeroPadded(to: 3) + "Z"
    }
}

/// Why a message was sent to the dead-letter topic.
public enum PoisonReason: Error, Sendable, Equatable, CustomStringConvertible {
    case notJSON
    case invalidEnvelope(String)
    case unknownType(String)
    case unexpectedType(String)
    case unsupportedSchemaVersion(type: String, version: Int)
    case payloadMismatch(String)

    /// A short machine-readable code, sent as the `dead-letter-reason` header.
    public var code: String {
        switch self {
        case .notJSON: "not-json"
        case .invalidEnvelope: "invalid-envelope"
        case .unknownType: "unknown-type"
        case .unexpectedType: "unexpected-type"
        case .unsupportedSchemaVersion: "unsupported-schema-version"
        case .payloadMismatch: "payload-mismatch"
        }
    }

    public var description: String {
        switch self {
        case .notJSON: "the message is not valid JSON"
        case .invalidEnvelope(let detail): "the event envelope is incomplete or malformed: \(detail)"
        case .unknownType(let type): "unknown event type '\(type)'"
        case .unexpectedType(let type): "event type '\(type)' does not belong on this topic"
        case .unsupportedSchemaVersion(let type, let version): "schema version \(version) of '\(type)' is not supported"
        case .payloadMismatch(let detail): "the payload does not match its schema: \(detail)"
        }
    }
}

private struct WireHeader: Decodable {
    var id: UUID
    var type: String
    var schemaVersion: Int
    var ticketId: UUID
    var occurredAt: Date
    var producer: String

    enum CodingKeys: String, CodingKey {
        case id, type, producer
        case schemaVersion = "schema_version"
        case ticketId = "ticket_id"
        case occurredAt = "occurred_at"
    }
}

private struct WireEvent<Payload: EventPayload>: Codable {
    var id: UUID
    var type: String
    var schemaVersion: Int
    var ticketId: UUID
    var occurredAt: Date
    var producer: String
    var payload: Payload

    enum CodingKeys: String, CodingKey {
        case id, type, producer, payload
        case schemaVersion = "schema_version"
        case ticketId = "ticket_id"
        case occurredAt = "occurred_at"
    }
}
