/// Every environment variable the services and the admin tool read: the one source of truth
/// for names, local defaults and meanings. `hotline config` prints them; the README's
/// configuration table and the deployment files are checked against this list.
public enum HotlineVariable: String, Sendable, CaseIterable {
    case pgHost = "HOTLINE_PG_HOST"
    case pgPort = "HOTLINE_PG_PORT"
    case pgUser = "HOTLINE_PG_USER"
    case pgPassword = "HOTLINE_PG_PASSWORD"
    case pgDatabase = "HOTLINE_PG_DATABASE"
    case pgMaxConnections = "HOTLINE_PG_MAX_CONNECTIONS"
    case kafkaBrokers = "HOTLINE_KAFKA_BROKERS"
    case kafkaProperties = "HOTLINE_KAFKA_PROPERTIES"
    case httpHost = "HOTLINE_HTTP_HOST"
    case gatewayPort = "HOTLINE_GATEWAY_PORT"
    case classifierPort = "HOTLINE_CLASSIFIER_PORT"
    case dispatcherPort = "HOTLINE_DISPATCHER_PORT"
    case slaTimerPort = "HOTLINE_SLA_TIMER_PORT"
    case scoringPort = "HOTLINE_SCORING_PORT"
    case consumerBatch = "HOTLINE_CONSUMER_BATCH"
    case relayBatch = "HOTLINE_RELAY_BATCH"
    case timeZone = "HOTLINE_TIME_ZONE"
    case logLevel = "HOTLINE_LOG_LEVEL"
    case schemaDirectory = "HOTLINE_SCHEMA_DIR"
    case screensDirectory = "HOTLINE_SCREENS_DIR"
    case reviewThreshold = "HOTLINE_REVIEW_THRESHOLD"
    case repeatWindowHours = "HOTLINE_REPEAT_WINDOW_HOURS"
    case groupThreshold = "HOTLINE_GROUP_THRESHOLD"
    case groupWindowHours = "HOTLINE_GROUP_WINDOW_HOURS"
    case subCenterConfidence = "HOTLINE_SUB_CENTER_CONFIDENCE"
    case modelCheckSeconds = "HOTLINE_MODEL_CHECK_SECONDS"
    case tokenCacheSeconds = "HOTLINE_TOKEN_CACHE_SECONDS"
    case rateLimitPerSecond = "HOTLINE_RATE_LIMIT_PER_SECOND"
    case rateLimitBurst = "HOTLINE_RATE_LIMIT_BURST"
    case slaTickMilliseconds = "HOTLINE_SLA_TICK_MILLISECONDS"
    case slaBatch = "HOTLINE_SLA_BATCH"
    case reconcileSeconds = "HOTLINE_RECONCILE_SECONDS"
    case reconcileGraceSeconds = "HOTLINE_RECONCILE_GRACE_SECONDS"
    case reconcileLookbackHours = "HOTLINE_RECONCILE_LOOKBACK_HOURS"
    case clock = "HOTLINE_CLOCK"
    case open311Tokens = "HOTLINE_OPEN311_TOKENS"
    case otelEndpoint = "HOTLINE_OTEL_ENDPOINT"

    /// The variable's name in the environment.
    public var name: String { rawValue }

    /// The value used when the variable is unset or empty: the local cluster's.
    public var defaultValue: String {
        switch self {
        case .pgHost, .httpHost: "127.0.0.1"
        case .pgPort: "55432"
        case .pgUser, .pgPassword, .pgDatabase: "hotline"
        case .pgMaxConnections: "20"
        case .kafkaBrokers: "127.0.0.1:59092"
        case .kafkaProperties: ""
        case .gatewayPort: "8080"
        case .classifierPort: "8081"
        case .dispatcherPort: "8082"
        case .slaTimerPort: "8083"
        case .scoringPort: "8084"
        case .consumerBatch, .relayBatch: "500"
        case .timeZone: "Asia/Shanghai"
        case .logLevel: "info"
        case .schemaDirectory: "./Schemas"
        case .screensDirectory: "./Screens"
        case .reviewThreshold: "0.95"
        case .repeatWindowHours: "720"
        case .groupThreshold: "10"
        case .groupWindowHours: "24"
        case .subCenterConfidence: "0.5"
        case .modelCheckSeconds, .tokenCacheSeconds: "30"
        case .rateLimitPerSecond: "50"
        case .rateLimitBurst: "100"
        case .slaTickMilliseconds: "500"
        case .slaBatch: "500"
        case .reconcileSeconds: "5"
        case .reconcileGraceSeconds: "60"
        case .reconcileLookbackHours: "24"
        case .clock: "system"
        case .open311Tokens: "false"
        case .otelEndpoint: ""
        }
    }

    /// What the variable sets.
    public var meaning: String {
        switch self {
        case .pgHost: "PostgreSQL host"
        case .pgPort: "PostgreSQL port"
        case .pgUser: "PostgreSQL role"
        case .pgPassword: "PostgreSQL password"
        case .pgDatabase: "PostgreSQL database"
        case .pgMaxConnections: "connection pool size per process"
        case .kafkaBrokers: "Kafka bootstrap servers, comma-separated host:port"
        case .kafkaProperties: "extra librdkafka settings, key=value;key=value"
        case .httpHost: "address the HTTP endpoints bind (0.0.0.0 in containers)"
        case .gatewayPort: "intake-gateway HTTP port"
        case .classifierPort: "classifier-worker HTTP port"
        case .dispatcherPort: "dispatcher HTTP port"
        case .slaTimerPort: "sla-timer HTTP port"
        case .scoringPort: "scoring-aggregator HTTP port"
        case .consumerBatch: "most messages a consumer applies per transaction"
        case .relayBatch: "most outbox rows a relay publishes per transaction"
        case .timeZone: "the city's time zone (ticket numbers, reports)"
        case .logLevel: "trace, debug, info, notice, warning, error or critical"
        case .schemaDirectory:
            "folder with migrations, reference data, OpenAPI and event schemas (else the one above the executable)"
        case .screensDirectory:
            "folder with the screens' templates, static files and string catalogs (else the one above the executable)"
        case .reviewThreshold:
            "first-level probability below which a classification waits for an operator's review (0.95: 95 % of the rest right on the independent evaluation set)"
        case .repeatWindowHours: "hours within which the same caller, leaf and place make a repeat request"
        case .groupThreshold: "requests on one leaf in one township that make a group request"
        case .groupWindowHours: "hours within which those requests must fall"
        case .subCenterConfidence:
            "below this classification confidence the dispatcher sends a ticket to the district sub-center instead of a unit"
        case .modelCheckSeconds: "how often services look for a newer classifier training run"
        case .slaTickMilliseconds: "how often the SLA timer looks for due timers (real milliseconds)"
        case .slaBatch: "most due timers the SLA timer fires per transaction"
        case .reconcileSeconds:
            "how often the reconciler (in the SLA timer) looks for events a consumer never applied (real seconds)"
        case .reconcileGraceSeconds:
            "how far an unapplied event may trail what its consumer has since applied (not at all once the consumer has applied nothing for that long), or how long a row may stay unpublished, before the reconciler sends it again (real seconds)"
        case .reconcileLookbackHours: "how far back the reconciler looks for events a consumer never applied"
        case .clock:
            "system (the machine's clock) or shared (the simulated clock in PostgreSQL, set with hotline clock)"
        case .tokenCacheSeconds: "how long the gateway trusts a checked token (a revocation takes at most this long)"
        case .rateLimitPerSecond:
            "requests per second one token may keep up at the gateway (beyond: 429 with Retry-After); 0 turns the limit off"
        case .rateLimitBurst: "requests one token may send at once after a pause; 0 turns the limit off"
        case .open311Tokens:
            "true: an Open311 POST answers with a token (resolved through GET tokens/{token}) instead of the service_request_id"
        case .otelEndpoint:
            "OpenTelemetry collector's OTLP/HTTP base URL (http://host:4318); spans go to its /v1/traces; unset: no tracing"
        }
    }

    /// The variable's value in `environment`, or its default when unset or empty.
    public func value(in environment: [String: String]) -> String {
        explicitValue(in: environment) ?? defaultValue
    }

    /// The variable's value in `environment`, or nil when unset or empty.
    public func explicitValue(in environment: [String: String]) -> String? {
        environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }
}
