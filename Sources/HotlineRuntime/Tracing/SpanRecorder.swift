import Metrics
import Synchronization

/// Finished spans waiting for the exporter. Recording only appends under a lock; past
/// `capacity` waiting spans (the collector is down or slow) new ones are dropped and counted
/// (`hotline_trace_spans_dropped_total`) rather than held without bound.
public final class SpanRecorder: Sendable {
    private let waiting = Mutex([Span]())
    private let capacity: Int
    private let dropped = Counter(label: "hotline_trace_spans_dropped_total")

    public init(capacity: Int = 20_000) {
        self.capacity = capacity
    }

    /// Keeps `span` for the next export, or drops it when `capacity` spans already wait.
    public func record(_ span: Span) {
        let kept = waiting.withLock { spans in
            guard spans.count < capacity else { return false }
            spans.append(span)
            return true
        }
        if !kept { dropped.increment() }
    }

    /// The waiting spans, oldest first, now handed over.
    public func drain() -> [Span] {
        waiting.withLock { spans in
            defer { spans.removeAll(keepingCapacity: true) }
            return spans
        }
    }
}
