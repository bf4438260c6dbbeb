import Foundation
public import HotlineDomain
public import HotlineRuntime
public import Hummingbird

extension GatewayServices {
    /// Runs `work` in the trace a new ticket's events join (a child of the caller's
    /// `traceparent`, else a new trace) and, when tracing is on, records that span as the
    /// gateway's server span `method route`, failed when `work` throws.
    public func traced<T>(
        _ request: Request, route: String, _ work: (TraceContext) async throws -> T
    ) async throws -> T {
        var generator = SystemRandomNumberGenerator()
        let parent = request.headers[.init("traceparent")!].flatMap(TraceContext.init(traceparent:))
        let trace = parent?.child(using: &generator) ?? TraceContext(using: &generator)
        guard let spans else { return try await work(trace) }
        let started = Date()
        let attributes = ["http.request.method": "\(request.method)", "http.route": route]
        do {
            let result = try await work(trace)
            spans.record(
                Span(
                    trace, parent: parent, name: "\(request.method) \(route)", kind: .server, start: started,
                    end: Date(), attributes: attributes))
            return result
        } catch {
            spans.record(
                Span(
                    trace, parent: parent, name: "\(request.method) \(route)", kind: .server, start: started,
                    end: Date(), attributes: attributes, failed: true))
            throw error
        }
    }
}
