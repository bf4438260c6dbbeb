public import Foundation
public import HotlineDomain

/// One finished unit of work in a ticket's trace: the gateway answering a request, a relay
/// publishing an event, a consumer applying one. Linked to the span that caused it by
/// `parentSpanId`, as OpenTelemetry links spans.
public struct Span: Sendable, Equatable {
    /// What side of a hop the span is, as OpenTelemetry's span kinds say it.
    public enum Kind: Int, Sendable {
        case `internal` = 1
        case server = 2
        case client = 3
        case producer = 4
        case consumer = 5
    }

    public var traceId: String
    public var spanId: String
    /// The span that caused this one; nil for a trace's root.
    public var parentSpanId: String?
    public var name: String
    public var kind: Kind
    public var start: Date
    public var end: Date
    /// Attributes, by OpenTelemetry's semantic names where one exists (`messaging.destination.name`).
    public var attributes: [String: String]
    /// Whether the work failed (OpenTelemetry's status code ERROR).
    public var failed: Bool

    /// The span `context` names, caused by `parent`'s span.
    public init(
        _ context: TraceContext, parent: TraceContext?, name: String, kind: Kind, start: Date, end: Date,
        attributes: [String: String] = [:], failed: Bool = false
    ) {
        self.traceId = context.traceId
        self.spanId = context.spanId
        self.parentSpanId = parent?.spanId
        self.name = name
        self.kind = kind
        self.start = start
        self.end = end
        self.attributes = attributes
        self.failed = failed
    }
}
