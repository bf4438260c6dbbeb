/// A W3C Trace Context `traceparent` (version 00): which trace a request or event belongs to
/// and which span caused it. Carried from the HTTP request through the outbox into every
/// Kafka message, so one ticket's path through the services can be followed.
public struct TraceContext: Sendable, Equatable, CustomStringConvertible {
    /// 32 lowercase hex digits, not all zero.
    public let traceId: String
    /// 16 lowercase hex digits, not all zero.
    public let spanId: String
    public let sampled: Bool

    /// Parses a `traceparent` header; nil when it is malformed.
    public init?(traceparent: String) {
        let parts = traceparent.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "00",
            Self.isHex(parts[1], count: 32), Self.isHex(parts[2], count: 16), Self.isHex(parts[3], count: 2),
            parts[1].contains(where: { $0 != "0" }), parts[2].contains(where: { $0 != "0" })
        else { return nil }
        self.traceId = String(parts[1])
        self.spanId = String(parts[2])
        self.sampled = (UInt8(parts[3], radix: 16)! & 1) == 1
    }

    /// A new trace, with random identifiers from `generator`.
    public init(using generator: inout some RandomNumberGenerator) {
        self.traceId = Self.randomHex(bytes: 16, using: &generator)
        self.spanId = Self.randomHex(bytes: 8, using: &generator)
        self.sampled = true
    }

    private init(traceId: String, spanId: String, sampled: Bool) {
        self.traceId = traceId
        self.spanId = spanId
        self.sampled = sampled
    }

    /// A span of the same trace caused by this one.
    public func child(using generator: inout some RandomNumberGenerator) -> TraceContext {
        TraceContext(traceId: traceId, spanId: Self.randomHex(bytes: 8, using: &generator), sampled: sampled)
    }

    /// The `traceparent` header value.
    public var description: String { "00-\(traceId)-\(spanId)-\(sampled ? "01" : "00")" }

    private static func isHex(_ text: Substring, count: Int) -> Bool {
        text.count == count && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    private static func randomHex(bytes: Int, using generator: inout some RandomNumberGenerator) -> String {
        var text = ""
        repeat {
            text = (0..<bytes).map { _ in
                let byte = UInt8.random(in: 0...255, using: &generator)
                return String(byte >> 4, radix: 16) + String(byte & 0xF, radix: 16)
            }.joined()
        } while !text.contains(where: { $0 != "0" })
        return text
    }
}
