public import Foundation

/// The body of a group case's joint resolution (`POST /group-cases/{id}/resolve`): one result
/// and one feedback to the center for every linked ticket, and the feedback to each caller,
/// by ticket id, with a default for the tickets not named.
public struct GroupResolution: Decodable, Sendable, Equatable {
    /// The result, as a single ticket's resolve `note`.
    public var note: String?
    public var feedbackToCenter: String?
    /// The feedback to the callers of the tickets `feedbackToCallers` does not name.
    public var feedbackToCaller: String?
    /// The feedback to each caller, by ticket id.
    public var feedbackToCallers: [String: String]?

    public init(
        note: String?, feedbackToCenter: String?, feedbackToCaller: String? = nil,
        feedbackToCallers: [String: String]? = nil
    ) {
        self.note = note
        self.feedbackToCenter = feedbackToCenter
        self.feedbackToCaller = feedbackToCaller
        self.feedbackToCallers = feedbackToCallers
    }

    enum CodingKeys: String, CodingKey {
        case note
        case feedbackToCenter = "feedback_to_center"
        case feedbackToCaller = "feedback_to_caller"
        case feedbackToCallers = "feedback_to_callers"
    }

    /// The fields this body lacks or gets wrong: the result and the feedback to the center are
    /// required, every feedback given is checked as a single resolve checks it, and the keys of
    /// `feedback_to_callers` must be ticket ids.
    public func findings() -> [FieldFinding] {
        var findings =
            HandlingRequest.textFindings("note", note, requiredFor: .resolve)
            + HandlingRequest.textFindings("feedback_to_center", feedbackToCenter, requiredFor: .resolve)
        if let feedbackToCaller {
            findings += HandlingRequest.textFindings("feedback_to_caller", feedbackToCaller, requiredFor: .resolve)
        }
        for (key, text) in (feedbackToCallers ?? [:]).sorted(by: { $0.key < $1.key }) {
            let field = "feedback_to_callers.\(key.prefix(40))"
            guard UUID(uuidString: key) != nil else {
                findings.append(FieldFinding(field: field, detail: "must be a ticket id"))
                continue
            }
            findings += HandlingRequest.textFindings(field, text, requiredFor: .resolve)
        }
        return findings
    }

    /// The resolve request for the linked ticket `ticketId`: this body's result and feedback to
    /// the center, and its caller's feedback (the one named for it, else the default).
    public func request(for ticketId: UUID) -> HandlingRequest {
        let named = feedbackToCallers?.first { UUID(uuidString: $0.key) == ticketId }?.value
        return HandlingRequest(
            note: note, feedbackToCaller: named ?? feedbackToCaller, feedbackToCenter: feedbackToCenter)
    }

    /// The resolution of the linked ticket `ticket` by `actor`, who may resolve the case
    /// (`Principal.mayResolve`): the same outcome as `POST /tickets/{id}/actions/resolve`
    /// (`HandlingRules.outcome`), except that the case's right stands for the ticket's. A
    /// township resolves only the tickets it leads; a ticket that cannot be resolved now is
    /// refused with the single action's reason.
    public func decide(
        on ticket: HandlingTicket, id ticketId: UUID, by actor: Principal, at now: Date
    ) throws(HandlingRefusal) -> HandlingDecision {
        if case .unit(let unit) = actor.scope, ticket.unitCode != unit { throw .notYourPart }
        let request = request(for: ticketId)
        let missing = request.findings(for: .resolve, now: now)
        guard missing.isEmpty else { throw .invalid(missing) }
        return try HandlingRules.outcome(of: .resolve, request, on: ticket, by: actor, unitKinds: [:], at: now)
    }
}
