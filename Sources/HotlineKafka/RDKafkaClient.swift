import CRDKafka
import Foundation

/// The one place that owns a librdkafka client handle (`rd_kafka_t`). Everything else in the
/// module talks to librdkafka through this type or its extensions.
///
/// `@unchecked Sendable`: librdkafka documents `rd_kafka_t` as thread-safe; the only
/// non-thread-safe operation, destruction, happens exactly once, guarded by `destroyed`.
final class RDKafkaClient: @unchecked Sendable {
    enum Kind {
        case producer
        case consumer
    }

    /// The oldest librdkafka that can talk to the brokers we run (2.0.x mis-parses tagged fields).
    static let minimumVersion: Int32 = 0x0201_0000

    let handle: OpaquePointer
    private let destroyed = AtomicFlag()

    /// Refuses to run on a librdkafka older than 2.1, with a message that says how to fix it.
    static func checkVersion() throws {
        let version = rd_kafka_version()
        guard version >= minimumVersion else {
            throw KafkaError(
                code: 0,
                message:
                    "librdkafka \(String(cString: rd_kafka_version_str())) is loaded, but 2.1 or newer is required; "
                    + "run `scripts/cluster install` (it places a newer librdkafka in .local/lib) "
                    + "or point LD_LIBRARY_PATH at a librdkafka >= 2.1")
        }
    }

    /// The version string of the loaded librdkafka.
    static var versionString: String { String(cString: rd_kafka_version_str()) }

    /// Creates a client. `configure` may install callbacks on the configuration before creation.
    init(kind: Kind, properties: [String: String], configure: (OpaquePointer) -> Void = { _ in }) throws {
        try Self.checkVersion()
        let conf = rd_kafka_conf_new()!
        var errorText = [CChar](repeating: 0, count: 512)
        for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
            guard rd_kafka_conf_set(conf, key, value, &errorText, errorText.count) == RD_KAFKA_CONF_OK else {
                rd_kafka_conf_destroy(conf)
                throw KafkaError(code: 0, message: "invalid setting \(key): \(String(errorBuffer: errorText))")
            }
        }
        configure(conf)
        let type = kind == .producer ? RD_KAFKA_PRODUCER : RD_KAFKA_CONSUMER
        // On success rd_kafka_new takes ownership of conf; on failure it stays ours.
        guard let handle = rd_kafka_new(type, conf, &errorText, errorText.count) else {
            rd_kafka_conf_destroy(conf)
            throw KafkaError(code: 0, message: "cannot create Kafka client: \(String(errorBuffer: errorText))")
        }
        self.handle = handle
    }

    /// Frees the handle once; `flags` are librdkafka's `RD_KAFKA_DESTROY_F_*`.
    func destroy(flags: Int32 = 0) {
        guard destroyed.setOnce() else { return }
        rd_kafka_destroy_flags(handle, flags)
    }

    /// Throws instead of touching a freed handle.
    func ensureAlive() throws {
        if destroyed.isRaised { throw KafkaError(code: 0, message: "the Kafka client is closed") }
    }

    deinit {
        destroy()
    }

    /// A Swift error for a librdkafka response code.
    static func error(_ code: rd_kafka_resp_err_t, file: String = #fileID, line: Int = #line) -> KafkaError {
        KafkaError(
            code: code.rawValue, message: String(cString: rd_kafka_err2str(code)),
            isRetriable: isRetriable(code), file: file, line: line)
    }

    /// A Swift error for an `rd_kafka_error_t`, which it destroys.
    static func consume(_ error: OpaquePointer, file: String = #fileID, line: Int = #line) -> KafkaError {
        defer { rd_kafka_error_destroy(error) }
        return KafkaError(
            code: rd_kafka_error_code(error).rawValue, message: String(cString: rd_kafka_error_string(error)),
            isRetriable: rd_kafka_error_is_retriable(error) != 0, file: file, line: line)
    }

    private static func isRetriable(_ code: rd_kafka_resp_err_t) -> Bool {
        switch code {
        case RD_KAFKA_RESP_ERR__TRANSPORT, RD_KAFKA_RESP_ERR__TIMED_OUT, RD_KAFKA_RESP_ERR__QUEUE_FULL,
            RD_KAFKA_RESP_ERR__MSG_TIMED_OUT, RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT,
            RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION, RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE,
            RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS, RD_KAFKA_RESP_ERR_NOT_COORDINATOR,
            RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS, RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN:
            true
        default:
            false
        }
    }
}

/// The librdkafka version in use, for logs and status output.
public enum KafkaLibrary {
    /// E.g. `2.16.1`.
    public static var version: String { RDKafkaClient.versionString }

    /// Throws a clear error when the loaded librdkafka is older than 2.1.
    public static func checkVersion() throws { try RDKafkaClient.checkVersion() }
}

extension String {
    /// The text librdkafka wrote into a NUL-terminated error buffer.
    init(errorBuffer: [CChar]) {
        self.init(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
