import Foundation
import Logging
import Metrics
import NIOCore
import NIOHTTP1
import NIOPosix
public import ServiceLifecycle
import Synchronization

/// Sends the recorded spans to an OTLP/HTTP collector every `interval`, and once more when the
/// service stops. A failed export is counted (`hotline_trace_export_failures_total`), logged
/// once until an export succeeds again, and its spans are dropped: traces are for looking, and
/// must never hold up or endanger tickets.
public final class OTLPTraceExporter: Service, Sendable {
    private let endpoint: OTLPEndpoint
    private let service: String
    private let recorder: SpanRecorder
    private let interval: Duration
    private let logger: Logger
    /// Whether the last export failed, so a streak of failures is logged once.
    private let failing = Atomic<Bool>(false)
    private let exported = Counter(label: "hotline_trace_spans_exported_total")
    private let failures = Counter(label: "hotline_trace_export_failures_total")

    /// Exports what `recorder` holds as `service`'s spans to `endpoint`.
    public init(
        endpoint: OTLPEndpoint, service: String, recorder: SpanRecorder, interval: Duration = .seconds(1),
        logger: Logger
    ) {
        self.endpoint = endpoint
        self.service = service
        self.recorder = recorder
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: self.interval)
                await self.exportOnce()
            }
        }
        await exportOnce()
    }

    /// Sends what waits, if anything, in one request.
    public func exportOnce() async {
        let spans = recorder.drain()
        guard !spans.isEmpty else { return }
        do {
            let body = try OTLPTraceRequest(service: service, spans: spans).json()
            let status = try await HTTPConnection.session(
                host: endpoint.host, port: endpoint.port, group: .singletonMultiThreadedEventLoopGroup
            ) { exchange in
                try await exchange.send(.POST, endpoint.path, body: ByteBuffer(bytes: body)).status
            }
            guard (200..<300).contains(status) else { throw Refused(status: status) }
            exported.increment(by: spans.count)
            if failing.exchange(false, ordering: .relaxed) {
                logger.info("trace export works again", metadata: ["endpoint": "\(endpoint)"])
            }
        } catch {
            failures.increment()
            if !failing.exchange(true, ordering: .relaxed) {
                logger.warning(
                    "trace export failed; spans are dropped until it works",
                    metadata: ["endpoint": "\(endpoint)", "error": "\(error)"])
            }
        }
    }

    /// The collector answered with a status other than 2xx.
    struct Refused: Error, CustomStringConvertible {
        var status: Int
        var description: String { "the collector answered \(status)" }
    }
}
