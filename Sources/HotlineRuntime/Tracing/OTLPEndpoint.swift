import Foundation

/// Where spans go: an OpenTelemetry collector's OTLP/HTTP receiver, from
/// `HOTLINE_OTEL_ENDPOINT` (`http://collector:4318`, the base to which `/v1/traces` is added, as
/// `OTEL_EXPORTER_OTLP_ENDPOINT` is read). Plain HTTP: the collector runs beside the service.
public struct OTLPEndpoint: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    /// The traces path: the base's path followed by `/v1/traces`.
    public var path: String

    /// The endpoint `text` names; nil unless it is an `http://` URL with a host.
    public init?(_ text: String) {
        guard let url = URL(string: text), url.scheme == "http", let host = url.host, !host.isEmpty else {
            return nil
        }
        self.host = host
        self.port = url.port ?? 4318
        let base = url.path.hasSuffix("/") ? String(url.path.dropLast()) : url.path
        self.path = base + "/v1/traces"
    }

    public var description: String { "http://\(host):\(port)\(path)" }
}
