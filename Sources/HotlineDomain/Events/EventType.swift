/// Every kind of event the platform publishes. The raw value is the `type` field on the wire.
public enum EventType: String, Codable, Sendable, CaseIterable {
    case ticketReceived = "ticket.received"
    case ticketClassified = "ticket.classified"
    case ticketDispatched = "ticket.dispatched"
    case ticketAnswered = "ticket.answered"
    case ticketReclassified = "ticket.reclassified"
    case groupRequestDetected = "group_request.detected"
    case ticketHandled = "ticket.handled"
    case slaTimerFired = "sla.timer_fired"

    /// The topic that carries events of this type.
    public var topic: HotlineTopic {
        switch self {
        case .ticketReceived: .received
        case .ticketClassified: .classified
        case .ticketDispatched, .ticketAnswered, .ticketReclassified, .groupRequestDetected, .ticketHandled: .lifecycle
        case .slaTimerFired: .sla
        }
    }

    /// The payload type that describes this event on the wire.
    public var payloadType: any EventPayload.Type {
        switch self {
        case .ticketReceived: TicketReceived.self
        case .ticketClassified: TicketClassified.self
        case .ticketDispatched: TicketDispatched.self
        case .ticketAnswered: TicketAnswered.self
        case .ticketReclassified: TicketReclassified.self
        case .groupRequestDetected: GroupRequestDetected.self
        case .ticketHandled: TicketHandled.self
        case .slaTimerFired: SLATimerFired.self
        }
    }
}

/// The Kafka topics of the platform and what flows on each.
public enum HotlineTopic: String, Sendable, CaseIterable {
    /// New tickets from the intake gateway.
    case received = "hotline.ticket.received"
    /// Tickets with a category and an urgency, from the classifier.
    case classified = "hotline.ticket.classified"
    /// Everything that happens to a ticket after classification (dispatch, handling, closing).
    case lifecycle = "hotline.ticket.lifecycle"
    /// Deadline reminders, checkpoints and overdue notices from the SLA timer.
    case sla = "hotline.sla"
    /// Messages no consumer could read, with the reason in their headers.
    case deadLetter = "hotline.deadletter"

    /// The topic's name on the broker.
    public var name: String { rawValue }
}
