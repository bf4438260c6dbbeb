import Foundation
import HotlineDomain
import HotlineRuntime
import Testing

/// Spans as OTLP/JSON carries them, where they are sent, and how many wait.
@Suite("Trace export")
struct TraceExportTests {
    static let caller = TraceContext(traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")!
    static let gateway = TraceContext(traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-b7ad6b7169203331-01")!

    static func span(failed: Bool = false) -> Span {
        Span(
            gateway, parent: caller, name: "POST /tickets", kind: .server,
            start: Date(timeIntervalSince1970: 1_764_806_400.25), end: Date(timeIntervalSince1970: 1_764_806_400.5),
            attributes: ["http.route": "/tickets", "http.request.method": "POST"], failed: failed)
    }

    @Test("a span is written as OTLP/JSON: hex ids, decimal nanoseconds, the service as the resource")
    func json() throws {
        let data = try OTLPTraceRequest(service: "intake-gateway", spans: [Self.span()]).json()
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(
            text
                == #"{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"intake-gateway"}}]},"#
                + #""scopeSpans":[{"scope":{"name":"hotline"},"spans":[{"attributes":["#
                + #"{"key":"http.request.method","value":{"stringValue":"POST"}},"#
                + #"{"key":"http.route","value":{"stringValue":"/tickets"}}],"#
                + #""endTimeUnixNano":"1764806400500000000","kind":2,"name":"POST /tickets","#
                + #""parentSpanId":"00f067aa0ba902b7","spanId":"b7ad6b7169203331","#
                + #""startTimeUnixNano":"1764806400250000000","traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}]}]}]}"#)
    }

    @Test("a failed span carries status ERROR; a root span no parent")
    func statusAndRoot() throws {
        var root = Self.span(failed: true)
        root.parentSpanId = nil
        let request = OTLPTraceRequest(service: "dispatcher", spans: [root])
        let data = try #require(request.resourceSpans.first?.scopeSpans.first?.spans.first)
        #expect(data.status?.code == 2)
        #expect(data.parentSpanId == nil)
        #expect(try !String(decoding: request.json(), as: UTF8.self).contains("parentSpanId"))
    }

    @Test(
        "the endpoint is an http:// base to which /v1/traces is added",
        arguments: [
            ("http://127.0.0.1:4318", "http://127.0.0.1:4318/v1/traces"),
            ("http://collector", "http://collector:4318/v1/traces"),
            ("http://collector:9000/otlp/", "http://collector:9000/otlp/v1/traces"),
        ])
    func endpoint(text: String, expected: String) throws {
        #expect(try #require(OTLPEndpoint(text)).description == expected)
    }

    @Test(
        "anything but an http:// URL with a host is no endpoint",
        arguments: ["", "collector:4318", "https://c:4318", "http://"])
    func notAnEndpoint(text: String) {
        #expect(OTLPEndpoint(text) == nil)
    }

    @Test("the recorder hands over what waits, oldest first, and drops what exceeds its capacity")
    func recorder() {
        let recorder = SpanRecorder(capacity: 2)
        for name in ["a", "b", "c"] {
            var span = Self.span()
            span.name = name
            recorder.record(span)
        }
        #expect(recorder.drain().map(\.name) == ["a", "b"])
        #expect(recorder.drain().isEmpty)
    }
}
