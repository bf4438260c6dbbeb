/// The classification a ticket gets from what the operator entered at intake.
///
/// An operator's category is taken as certain. Without one, the ticket is marked unresolved so
/// that dispatch sends it to a human; the keyword classifier over the catalog refines this.
public enum InitialClassification {
    public static func classify(_ request: TicketRequest) -> TicketClassified {
        let urgency = request.urgency ?? .general
        if let category = request.categoryCode {
            return TicketClassified(categoryCode: category, urgency: urgency, confidence: 1, method: .operatorChoice)
        }
        return TicketClassified(categoryCode: nil, urgency: urgency, confidence: 0, method: .unresolved)
    }
}
