public import Foundation
public import HotlineDomain
public import HotlineKafka
public import HotlineStorage
public import Logging

/// Everything a service reads from its environment (see `HotlineVariable` for the names and
/// local defaults).
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
    /// `HOTLINE_SCREENS_DIR`: the `Screens` folder (templates, static files, string catalogs).
    public var screensDirectory: URL
    /// `HOTLINE_REVIEW_THRESHOLD`, `HOTLINE_REPEAT_WINDOW_HOURS`, `HOTLINE_GROUP_THRESHOLD`,
    /// `HOTLINE_GROUP_WINDOW_HOURS`: the city's intake rules.
    public var intakePolicy: IntakePolicy
    /// `HOTLINE_SUB_CENTER_CONFIDENCE`: below it, a model's classification is dispatched to the
    /// district sub-center rather than straight to a unit.
    public var subCenterConfidence: Double
    /// `HOTLINE_MODEL_CHECK_SECONDS`: how often to look for a newer classifier training run.
    public var modelCheckInterval: TimeInterval
    /// `HOTLINE_SLA_TICK_MILLISECONDS`: how often the SLA timer looks for due timers.
    public var slaTickInterval: Duration
    /// `HOTLINE_SLA_BATCH`: most due timers fired per transaction.
    public var slaBatchSize: Int
    /// `HOTLINE_RECONCILE_SECONDS`, `HOTLINE_RECONCILE_GRACE_SECONDS`,
    /// `HOTLINE_RECONCILE_LOOKBACK_HOURS`: when the reconciler sends lost events again.
    public var reconciliation: ReconciliationPolicy
    /// `HOTLINE_CLOCK`: `shared` makes every service read the simulated clock in PostgreSQL.
    public var usesSharedClock: Bool
    /// `HOTLINE_TOKEN_CACHE_SECONDS`: how long a checked token is trusted.
    public var tokenCacheLifetime: TimeInterval
    /// `HOTLINE_RATE_LIMIT_PER_SECOND`, `HOTLINE_RATE_LIMIT_BURST`: how many requests one token
    /// may send to the gateway.
    public var tokenRateLimit: RateLimitPolicy
    /// `HOTLINE_OPEN311_TOKENS`: whether an Open311 POST answers with a token rather than the
    /// request's id.
    public var open311AnswersWithTokens: Bool
    /// `HOTLINE_OTEL_ENDPOINT`: where spans are exported; nil (unset or not an `http://` URL)
    /// records none.
    public var traceEndpoint: OTLPEndpoint?
    /// `HOTLINE_OTEL_ENDPOINT` as set, to report a value that is not an endpoint.
    public var traceEndpointSetting: String?
    /// Each service's HTTP port, from its own variable.
    private var ports: [HotlineServiceKind: Int]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        func text(_ variable: HotlineVariable) -> String { variable.value(in: environment) }
        func number(_ variable: HotlineVariable) -> Int { Int(text(variable)) ?? Int(variable.defaultValue)! }
        database = DatabaseConfiguration(
            host: text(.pgHost), port: number(.pgPort), username: text(.pgUser), password: text(.pgPassword),
            database: text(.pgDatabase), maximumConnections: number(.pgMaxConnections))
        kafkaBrokers = text(.kafkaBrokers)
        kafkaProperties = Self.properties(text(.kafkaProperties))
        httpHost = text(.httpHost)
        consumerBatchSize = number(.consumerBatch)
        relayBatchSize = number(.relayBatch)
        logLevel = Logger.Level(rawValue: text(.logLevel)) ?? .info
        timeZone = TimeZone(identifier: text(.timeZone)) ?? TimeZone(secondsFromGMT: 8 * 3600)!
        schemaDirectory = URL(
            fileURLWithPath: HotlineVariable.schemaDirectory.explicitValue(in: environment)
                ?? Self.defaultDirectory("Schemas", holding: "migrations"))
        screensDirectory = URL(
            fileURLWithPath: HotlineVariable.screensDirectory.explicitValue(in: environment)
                ?? Self.defaultDirectory("Screens", holding: "templates"))
        func fraction(_ variable: HotlineVariable) -> Double {
            Double(text(variable)) ?? Double(variable.defaultValue)!
        }
        intakePolicy = IntakePolicy(
            reviewThreshold: fraction(.reviewThreshold), repeatWindow: fraction(.repeatWindowHours) * 3600,
            groupThreshold: number(.groupThreshold), groupWindow: fraction(.groupWindowHours) * 3600)
        subCenterConfidence = fraction(.subCenterConfidence)
        modelCheckInterval = fraction(.modelCheckSeconds)
        tokenCacheLifetime = fraction(.tokenCacheSeconds)
        tokenRateLimit = RateLimitPolicy(perSecond: fraction(.rateLimitPerSecond), burst: number(.rateLimitBurst))
        slaTickInterval = .milliseconds(number(.slaTickMilliseconds))
        slaBatchSize = number(.slaBatch)
        reconciliation = ReconciliationPolicy(
            interval: .milliseconds(Int(fraction(.reconcileSeconds) * 1000)), grace: fraction(.reconcileGraceSeconds),
            lookback: fraction(.reconcileLookbackHours) * 3600)
        usesSharedClock = text(.clock) == "shared"
        open311AnswersWithTokens = text(.open311Tokens) == "true"
        traceEndpointSetting = HotlineVariable.otelEndpoint.explicitValue(in: environment)
        traceEndpoint = traceEndpointSetting.flatMap(OTLPEndpoint.init)
        ports = Dictionary(uniqueKeysWithValues: HotlineServiceKind.allCases.map { ($0, number($0.portVariable)) })
    }

    /// The HTTP port of `service`, from its own variable.
    public func httpPort(of service: HotlineServiceKind) -> Int {
        ports[service]!
    }

    /// Kafka client settings for a client named `clientId`.
    public func kafkaClient(_ clientId: String) -> KafkaClientConfiguration {
        KafkaClientConfiguration(bootstrapServers: kafkaBrokers, clientId: clientId, extraProperties: kafkaProperties)
    }

    private static func properties(_ text: String) -> [String: String] {
        var properties: [String: String] = [:]
        for pair in text.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 {
                properties[String(parts[0]).trimmingCharacters(in: .whitespaces)] = String(parts[1]).trimmingCharacters(
                    in: .whitespaces)
            }
        }
        return properties
    }

    /// The folder `name` (holding `marker`) next to the working directory, or above the
    /// executable (`.build/<config>/`).
    private static func defaultDirectory(_ name: String, holding marker: String) -> String {
        let candidates = [
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(name),
            URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
                .deletingLastPathComponent().appendingPathComponent("../../../\(name)").standardizedFileURL,
        ]
        return
            (candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent(marker).path) }
            ?? candidates[0])
            .path
    }
}
