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
    public var portVariable: HotlineVariable {
        switch self {
        case .intakeGateway: .gatewayPort
        case .classifierWorker: .classifierPort
        case .dispatcher: .dispatcherPort
        case .slaTimer: .slaTimerPort
        case .scoringAggregator: .scoringPort
        }
    }
}
