import HotlineDomain
import Hummingbird

extension TraceContext {
    /// The trace a new ticket's events join: a child of the caller's `traceparent`, else a new one.
    static func joining(_ request: Request) -> TraceContext {
        var generator = SystemRandomNumberGenerator()
        guard let parent = request.headers[.init("traceparent")!].flatMap(TraceContext.init(traceparent:)) else {
            return TraceContext(using: &generator)
        }
        return parent.child(using: &generator)
    }
}
