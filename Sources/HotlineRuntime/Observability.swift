public import Hummingbird
public import Logging
import Metrics
public import Prometheus
import Synchronization

/// Metrics and logging set up once per process.
public enum Observability {
    private static let registry = Mutex<PrometheusCollectorRegistry?>(nil)

    /// The process's Prometheus registry; the first call makes it swift-metrics' backend.
    public static func bootstrapMetrics() -> PrometheusCollectorRegistry {
        registry.withLock { current in
            if let current { return current }
            let created = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: created))
            current = created
            return created
        }
    }

    /// A logger for `service` at `level`, writing to standard error (`LineLogHandler`).
    public static func logger(for service: String, level: Logger.Level) -> Logger {
        var logger = Logger(label: service) { LineLogHandler(label: $0) }
        logger.logLevel = level
        return logger
    }
}

extension Router {
    /// `GET /healthz` (the process is alive), `GET /readyz` (its dependencies answer) and
    /// `GET /metrics` (Prometheus text format).
    public func addHealthAndMetrics(
        service: String, registry: PrometheusCollectorRegistry,
        readiness: @escaping @Sendable () async -> Bool
    ) {
        get("healthz") { _, _ in
            Self.statusResponse(.ok, service: service, status: "ok")
        }
        get("readyz") { _, _ in
            await readiness()
                ? Self.statusResponse(.ok, service: service, status: "ready")
                : Self.statusResponse(.serviceUnavailable, service: service, status: "not ready")
        }
        get("metrics") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(
                status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
    }

    private static func statusResponse(_ code: HTTPResponse.Status, service: String, status: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        let body = #"{"service":"\#(service)","status":"\#(status)"}"#
        return Response(status: code, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
