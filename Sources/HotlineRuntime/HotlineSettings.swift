public import Foundation
public import HotlineStorage
public import HotlineKafka
public import Logging

/// Everything a service reads from its environment, with the local defaults. The README's
/// "Configuration" table lists the same variables; `Deploy/` and the scripts set them.
public struct HotlineSettings: Sendable {
    public var database: DatabaseConfiguration
    /// `HOTLINE_KAFKA_BROKERS`: comma-separated `host:port`.
    public var kafkaBrokers: String
    /// `HOTLINE_KAFKA_PROPERTIES`: extra librdkafka settings, `key=value;key=value`.
    public var kafkaProperties: [String: String]
    /// `HOTLINE_HTTP_HOST`: the address the HTTP endpoint binds.
    public var httpHost: String
    /// `HOTLINE_CONSUMER_BATCH`: most messages a consumer takes per transaction.
    public var consumerBatchSize: Int
    /// `HOTLINE_RELAY_BATCH`: most outbox rows a relay publishes per transaction.
    public var relayBatchSize: Int
    /// `HOTLINE_LOG_LEVEL`: trace, debug, info, notice, warning, error, critical.
    public var logLevel: Logger.Level
    /// `HOTLINE_TIME_ZONE`: the city's time zone (ticket numbers, reports).
    public var timeZone: TimeZone
    /// `HOTLINE_SCHEMA_DIR`: the `Schemas` folder (migrations, catalog, contracts).
    public var schemaDirectory: URL

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        func text(_ name: String, _ fallback: String) -> String { environment[name].flatMap { $0.isEmpty ? nil : $0 } ?? fallback }
        func number(_ name: String, _ fallback: Int) -> Int { Int(text(name, String(fallback))) ?? fallback }
        database = DatabaseConfiguration(
            host: text("HOTLINE_PG_HOST", "127.0.0.1"), port: number("HOTLINE_PG_PORT", 55432),
            username: text("HOTLINE_PG_USER", "hotline"), password: text("HOTLINE_PG_PASSWORD", "hotline"),
            database: text("HOTLINE_PG_DATABASE", "hotline"), maximumConnections: number("HOTLINE_PG_MAX_CONNECTIONS", 20))
        kafkaBrokers = text("HOTLINE_KAFKA_BROKERS", "127.0.0.1:59092")
        kafkaProperties = Self.properties(text("HOTLINE_KAFKA_PROPERTIES", ""))
        httpHost = text("HOTLINE_HTTP_HOST", "127.0.0.1")
        consumerBatchSize = number("HOTLINE_CONSUMER_BATCH", 500)
        relayBatchSize = number("HOTLINE_RELAY_BATCH", 500)
        logLevel = Logger.Level(rawValue: text("HOTLINE_LOG_LEVEL", "info")) ?? .info
        timeZone = TimeZone(identifier: text("HOTLINE_TIME_ZONE", "Asia/Shanghai")) ?? TimeZone(secondsFromGMT: 8 * 3600)!
        schemaDirectory = URL(fileURLWithPath: text("HOTLINE_SCHEMA_DIR", Self.defaultSchemaDirectory()))
    }

    /// The HTTP port of `service`, from its own variable.
    public func httpPort(of service: HotlineServiceKind, environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        environment[service.portVariable].flatMap(Int.init) ?? service.defaultPort
    }

    /// Kafka client settings for a client named `clientId`.
    public func kafkaClient(_ clientId: String) -> KafkaClientConfiguration {
        KafkaClientConfiguration(bootstrapServers: kafkaBrokers, clientId: clientId, extraProperties: kafkaProperties)
    }

    private static func properties(_ text: String) -> [String: String] {
        var properties: [String: String] = [:]
        for pair in text.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { properties[String(parts[0]).trimmingCharacters(in: .whitespaces)] = String(parts[1]).trimmingCharacters(in: .whitespaces) }
        }
        return properties
    }

    /// `Schemas` next to the working directory, or above the executable (`.build/<config>/`).
    private static func defaultSchemaDirectory() -> String {
        let candidates = [
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Schemas"),
            URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
                .deletingLastPathComponent().appendingPathComponent("../../../Schemas").standardizedFileURL,
        ]
        return (candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("migrations").path) } ?? candidates[0]).path
    }
}
