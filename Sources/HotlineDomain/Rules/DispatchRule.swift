/// Decides which unit's queue a classified ticket goes to, and records why.
public enum DispatchRule {
    /// The org-unit code of the municipal hotline center, which takes what nobody else can.
    public static let municipalCenterCode = "110000"

    /// The dispatch of `classification`; nil while it waits for an operator's review.
    public static func decide(_ classification: TicketClassified) -> TicketDispatched? {
        guard !classification.reviewRequired else { return nil }
        // Without a catalog entry naming the responsible kind of unit and a resolved place,
        // only the municipal center can route the ticket.
        let reason = classification.categoryCode.map { "category \($0) has no responsible unit on record" }
            ?? "no category decided"
        return TicketDispatched(
            unitCode: municipalCenterCode, urgency: classification.urgency,
            reason: "\(reason): municipal center queue")
    }
}
