/// The five services of the platform: their names, and where each serves HTTP.
public enum HotlineServiceKind: String, Sendable, CaseIterable {
    case intakeGateway = "intake-gateway"
    case classifierWorker = "classifier-worker"
    case dispatcher = "dispatcher"
    case slaTimer = "sla-timer"
    case scoringAggregator = "scoring-aggregator"

    /// The process name, also the Kafka `client.id`, the outbox `producer` and the consumer group.
    public var name: String { rawValue }

    /// The environment variable that holds the service's HTTP port.
    public var portVariable: String {
        switch self {
        case .intakeGateway: "HOTLINE_GATEWAY_PORT"
        case .classifierWorker: "HOTLINE_CLASSIFIER_PORT"
        case .dispatcher: "HOTLINE_DISPATCHER_PORT"
        case .slaTimer: "HOTLINE_SLA_TIMER_PORT"
        case .scoringAggregator: "HOTLINE_SCORING_PORT"
        }
    }

    /// The HTTP port when the variable is not set.
    public var defaultPort: Int {
        switch self {
        case .intakeGateway: 8080
        case .classifierWorker: 8081
        case .dispatcher: 8082
        case .slaTimer: 8083
        case .scoringAggregator: 8084
        }
    }
}
