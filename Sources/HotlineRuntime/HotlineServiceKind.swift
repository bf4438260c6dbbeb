public import HotlineDomain

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

    /// The topics the service's consumer group reads (none for the gateway).
    public var consumedTopics: [HotlineTopic] {
        switch self {
        case .intakeGateway: []
        case .classifierWorker: [.received]
        case .dispatcher: [.classified]
        case .slaTimer: [.lifecycle]
        case .scoringAggregator: [.lifecycle, .sla]
        }
    }

    /// The event types on those topics that the service applies (and records as processed);
    /// other types on them are passed over.
    public var appliedTypes: Set<EventType> {
        switch self {
        case .intakeGateway: []
        case .classifierWorker: [.ticketReceived]
        case .dispatcher: [.ticketClassified]
        case .slaTimer: [.ticketDispatched, .ticketHandled]
        case .scoringAggregator: ScoringEvent.types
        }
    }
}
