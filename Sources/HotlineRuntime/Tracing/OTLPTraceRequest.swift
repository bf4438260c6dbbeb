public import Foundation

/// An OTLP `ExportTraceServiceRequest` in OTLP/JSON (the OpenTelemetry protocol's JSON
/// encoding over HTTP): one resource, the service, with its spans under the scope `hotline`.
/// Identifiers are hex strings and times decimal nanoseconds since 1970, as OTLP/JSON writes them.
public struct OTLPTraceRequest: Codable, Sendable, Equatable {
    public struct ResourceSpans: Codable, Sendable, Equatable {
        public var resource: Resource
        public var scopeSpans: [ScopeSpans]
    }

    public struct Resource: Codable, Sendable, Equatable {
        public var attributes: [Attribute]
    }

    public struct ScopeSpans: Codable, Sendable, Equatable {
        public var scope: Scope
        public var spans: [SpanData]
    }

    public struct Scope: Codable, Sendable, Equatable {
        public var name: String
    }

    public struct SpanData: Codable, Sendable, Equatable {
        public var traceId: String
        public var spanId: String
        public var parentSpanId: String?
        public var name: String
        public var kind: Int
        public var startTimeUnixNano: String
        public var endTimeUnixNano: String
        public var attributes: [Attribute]
        public var status: Status?
    }

    public struct Status: Codable, Sendable, Equatable {
        /// 2: ERROR.
        public var code: Int
    }

    public struct Attribute: Codable, Sendable, Equatable {
        public var key: String
        public var value: Value

        init(_ key: String, _ text: String) {
            self.key = key
            self.value = Value(stringValue: text)
        }
    }

    public struct Value: Codable, Sendable, Equatable {
        public var stringValue: String
    }

    public var resourceSpans: [ResourceSpans]

    /// The request exporting `spans` of the service `service`.
    public init(service: String, spans: [Span]) {
        resourceSpans = [
            ResourceSpans(
                resource: Resource(attributes: [Attribute("service.name", service)]),
                scopeSpans: [ScopeSpans(scope: Scope(name: "hotline"), spans: spans.map(Self.data))])
        ]
    }

    /// The request as OTLP/JSON.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    private static func data(_ span: Span) -> SpanData {
        SpanData(
            traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId, name: span.name,
            kind: span.kind.rawValue, startTimeUnixNano: nanoseconds(span.start),
            endTimeUnixNano: nanoseconds(span.end),
            attributes: span.attributes.sorted { $0.key < $1.key }.map { Attribute($0.key, $0.value) },
            status: span.failed ? Status(code: 2) : nil)
    }

    private static func nanoseconds(_ time: Date) -> String {
        let seconds = time.timeIntervalSince1970
        let whole = seconds.rounded(.down)
        return String(UInt64(whole) * 1_000_000_000 + UInt64(((seconds - whole) * 1e9).rounded()))
    }
}
