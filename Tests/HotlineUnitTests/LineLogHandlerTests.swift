import Glibc
import HotlineRuntime
import Logging
import Synchronization
import Testing

@Suite("Log lines")
struct LineLogHandlerTests {
    /// What a `StreamLogHandler` writes, kept for comparison.
    final class Captured: TextOutputStream, Sendable {
        private let text = Mutex("")
        var lines: String { text.withLock { $0 } }
        func write(_ string: String) { text.withLock { $0 += string } }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String { "the broker went away" }
    }

    static let events = [
        LogEvent(
            level: .warning, message: "offset commit failed", metadata: ["topic": "hotline.sla", "offset": "7"],
            source: "HotlineRuntime", file: #fileID, function: #function, line: #line),
        LogEvent(
            level: .info, message: "started", metadata: nil, source: "HotlineServices", file: #fileID,
            function: #function, line: #line),
        LogEvent(
            level: .error, message: "relay failed", error: Failure(), metadata: ["request": "override"],
            source: "HotlineRuntime", file: #fileID, function: #function, line: #line),
    ]

    /// The line without its timestamp (the two handlers read the clock at different instants).
    static func untimed(_ line: some StringProtocol) -> String {
        String(line.drop { $0 != " " }.dropFirst())
    }

    @Test(
        "lines read as StreamLogHandler's: level, label, sorted metadata with the request's and the event's, source, message"
    )
    func sameLinesAsStreamLogHandler() {
        let captured = Captured()
        var stream = StreamLogHandler(label: "dispatcher", stream: captured, metadataProvider: nil)
        var lines = LineLogHandler(label: "dispatcher")
        stream[metadataKey: "request"] = "7f3a"
        stream[metadataKey: "consumer"] = "dispatcher"
        lines[metadataKey: "request"] = "7f3a"
        lines[metadataKey: "consumer"] = "dispatcher"
        for event in Self.events { stream.log(event: event) }
        let expected = captured.lines.split(separator: "\n").map(Self.untimed)
        let written = Self.events.map { Self.untimed(lines.line(for: $0, at: time(nil)).dropLast()) }
        #expect(written == expected)
        #expect(
            written[0]
                == "warning dispatcher: consumer=dispatcher offset=7 request=7f3a topic=hotline.sla [HotlineRuntime] offset commit failed"
        )
        #expect(written[2].contains("error.message=the broker went away"))
        #expect(written[2].contains("request=override"))
    }

    @Test("a line starts with the local time to the second and its UTC offset, and ends with one newline")
    func timestampAndNewline() {
        let line = LineLogHandler(label: "gateway").line(for: Self.events[1], at: 1_799_000_000)
        let stamp = line.prefix { $0 != " " }
        #expect(stamp.count == 24)
        #expect(stamp.dropFirst(4).first == "-" && stamp.dropFirst(10).first == "T")
        #expect(stamp.suffix(5).first == "+" || stamp.suffix(5).first == "-")
        #expect(line.hasSuffix("[HotlineServices] started\n"))
        #expect(line.filter { $0 == "\n" }.count == 1)
    }
}
