import Foundation
import HotlineDomain
import HotlineGateway
import HotlineRuntime
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// The gateway's server span for a filed ticket: the caller's `traceparent` as its parent, the
/// outcome as its status, nothing recorded when tracing is off.
@Suite("Request tracing")
struct RequestTracingRouteTests {
    static let body = #"{"channel":"phone","type":"complaint","place_text":"朝阳区望京街道","text":"噪音扰民"}"#

    static func test(
        spans: SpanRecorder?, _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    )
        async throws
    {
        var services = try GatewayHarness.services()
        services.spans = spans
        let router = Router()
        GatewayRouter.add(to: router, services, logger: Logger(label: "tracing-tests"))
        try await Application(router: router).test(.router, test)
    }

    @Test("POST /tickets records one server span under the caller's span, failed when the intake throws")
    func serverSpan() async throws {
        let spans = SpanRecorder()
        let caller = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
        try await Self.test(spans: spans) { client in
            var headers = GatewayHarness.headers("operator")
            headers[.init("traceparent")!] = caller
            // The harness has no reference data, so the intake fails after the span began.
            try await client.execute(
                uri: "/tickets", method: .post, headers: headers, body: GatewayHarness.body(Self.body)
            ) { response in
                #expect(response.status.code >= 500)
            }
        }
        let recorded = spans.drain()
        let span = try #require(recorded.first)
        #expect(recorded.count == 1)
        #expect(span.traceId == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(span.parentSpanId == "00f067aa0ba902b7")
        #expect(span.spanId != "00f067aa0ba902b7")
        #expect(span.kind == .server)
        #expect(span.name == "POST /tickets")
        #expect(span.failed)
        #expect(span.end >= span.start)
    }

    @Test("a request without traceparent starts a trace of its own; a refused body records nothing")
    func newTraceAndRefusal() async throws {
        let spans = SpanRecorder()
        try await Self.test(spans: spans) { client in
            try await client.execute(
                uri: "/tickets", method: .post, headers: GatewayHarness.headers("operator"),
                body: GatewayHarness.body(Self.body)
            ) { _ in }
            try await client.execute(
                uri: "/tickets", method: .post, headers: GatewayHarness.headers("operator"),
                body: GatewayHarness.body("{")
            ) { response in
                #expect(response.status == .badRequest)
            }
        }
        let recorded = spans.drain()
        #expect(recorded.count == 1)
        #expect(recorded.first?.parentSpanId == nil)
    }
}
