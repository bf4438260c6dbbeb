/// `ticket.received`: an operator recorded a new request.
public struct TicketReceived: EventPayload, Equatable {
    public static let eventType = EventType.ticketReceived
    public static let schemaVersion = 1

    /// The human-readable ticket number, e.g. `20261122-000042`.
    public var number: String
    public var request: TicketRequest

    public init(number: String, request: TicketRequest) {
        self.number = number
        self.request = request
    }
}

/// `ticket.classified`: the ticket has a category (or is known to lack one) and an urgency.
public struct TicketClassified: EventPayload, Equatable {
    public static let eventType = EventType.ticketClassified
    public static let schemaVersion = 1

    public var categoryCode: String?
    public var urgency: UrgencyTier
    /// From 0 (a guess) to 1 (chosen by the operator).
    public var confidence: Double
    public var method: ClassificationMethod

    public init(categoryCode: String?, urgency: UrgencyTier, confidence: Double, method: ClassificationMethod) {
        self.categoryCode = categoryCode
        self.urgency = urgency
        self.confidence = confidence
        self.method = method
    }

    enum CodingKeys: String, CodingKey {
        case urgency, confidence, method
        case categoryCode = "category_code"
    }
}

/// How a classification was reached.
public enum ClassificationMethod: String, Codable, Sendable {
    /// The operator chose the category at intake.
    case operatorChoice = "operator"
    /// Nothing could be decided; the ticket goes to a human.
    case unresolved
}

/// `ticket.dispatched`: the ticket is in a unit's queue.
public struct TicketDispatched: EventPayload, Equatable {
    public static let eventType = EventType.ticketDispatched
    public static let schemaVersion = 1

    public var unitCode: String
    public var urgency: UrgencyTier
    /// Why this unit was chosen, in words an operator can check.
    public var reason: String

    public init(unitCode: String, urgency: UrgencyTier, reason: String) {
        self.unitCode = unitCode
        self.urgency = urgency
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case urgency, reason
        case unitCode = "unit_code"
    }
}
