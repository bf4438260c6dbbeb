import HotlineDomain
import Testing

@Suite("W3C trace context")
struct TraceContextTests {
    @Test("a valid traceparent parses and prints back")
    func roundTrip() throws {
        let text = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
        let context = try #require(TraceContext(traceparent: text))
        #expect(context.traceId == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(context.sampled)
        #expect(context.description == text)
    }

    @Test(
        "malformed values are refused",
        arguments: [
            "", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
            "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
        ])
    func malformed(text: String) {
        #expect(TraceContext(traceparent: text) == nil)
    }

    @Test("a child keeps the trace and gets a new span")
    func child() {
        var generator = SystemRandomNumberGenerator()
        let parent = TraceContext(using: &generator)
        let child = parent.child(using: &generator)
        #expect(child.traceId == parent.traceId)
        #expect(child.spanId != parent.spanId)
        #expect(TraceContext(traceparent: child.description) == child)
    }
}
