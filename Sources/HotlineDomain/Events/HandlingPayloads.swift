public import Foundation

/// `ticket.handled`: a unit, the center or a sub-center acted on a dispatched ticket. One
/// event type for every handling action; the fields the action uses are set.
public struct TicketHandled: EventPayload, Equatable {
    public static let eventType = EventType.ticketHandled
    public static let schemaVersion = 1

    public var action: HandlingAction
    /// The ticket's state after the action.
    public var state: TicketState
    /// The ticket's lead unit after the action.
    public var unitCode: String?
    /// Who acted: the token's holder, role and unit.
    public var actor: String
    public var actorRole: Role
    public var actorUnitCode: String?
    /// Why (send-back, exclusion request), or what was explained (unreasonable request).
    public var reason: String?
    /// The person assigned.
    public var person: String?
    /// A progress note, the result, or the panel a dispute goes to.
    public var note: String?
    /// Departments summoned by a whistle, or the one reporting in.
    public var departments: [String]?
    /// The whistle's, the hand-up's or the leadership meeting's deadline; a consultation's finish limit.
    public var deadline: Date?
    /// The exclusion decision.
    public var approved: Bool?
    /// Double feedback: what the caller was told and what the center was told.
    public var feedbackToCaller: String?
    public var feedbackToCenter: String?
    /// The return visit.
    public var solved: VisitSolved?
    public var satisfaction: VisitSatisfaction?
    /// The unit a hand-up went to (for the hand-up and its answer).
    public var handUpUnitCode: String?
    /// Who took part in a consultation.
    public var participants: [String]?
    /// The community a double dispatch sent the ticket down to.
    public var communityCode: String?
    /// A photo's reference sent with progress (by a grid worker reporting back).
    public var photoReference: String?
    /// A hand-down panel's members (the sitting is `deadline`).
    public var panel: [PanelMember]?
    /// For a send-back and its decision: the unit asking to send the ticket back, and the hub
    /// (the district's sub-center, or the center) that decides and would re-dispatch it.
    public var sentBackFrom: String?
    public var sendBackTo: String?

    public init(
        action: HandlingAction, state: TicketState, unitCode: String?, actor: String, actorRole: Role,
        actorUnitCode: String?,
        reason: String? = nil, person: String? = nil, note: String? = nil, departments: [String]? = nil,
        deadline: Date? = nil,
        approved: Bool? = nil, feedbackToCaller: String? = nil, feedbackToCenter: String? = nil,
        solved: VisitSolved? = nil,
        satisfaction: VisitSatisfaction? = nil
    ) {
        self.action = action
        self.state = state
        self.unitCode = unitCode
        self.actor = actor
        self.actorRole = actorRole
        self.actorUnitCode = actorUnitCode
        self.reason = reason
        self.person = person
        self.note = note
        self.departments = departments
        self.deadline = deadline
        self.approved = approved
        self.feedbackToCaller = feedbackToCaller
        self.feedbackToCenter = feedbackToCenter
        self.solved = solved
        self.satisfaction = satisfaction
    }

    enum CodingKeys: String, CodingKey {
        case action, state, actor, reason, person, note, departments, deadline, approved, solved, satisfaction
        case unitCode = "unit_code"
        case actorRole = "actor_role"
        case actorUnitCode = "actor_unit_code"
        case feedbackToCaller = "feedback_to_caller"
        case feedbackToCenter = "feedback_to_center"
        case participants
        case handUpUnitCode = "hand_up_unit_code"
        case communityCode = "community_code"
        case photoReference = "photo_reference"
        case panel
        case sentBackFrom = "sent_back_from"
        case sendBackTo = "send_back_to"
    }
}

/// Was the problem solved, in the citizen's words on the return visit.
public enum VisitSolved: String, Codable, Sendable, CaseIterable {
    case solved, partly, not
}

/// How satisfied the citizen was, on the return visit.
public enum VisitSatisfaction: String, Codable, Sendable, CaseIterable {
    case satisfied, basically, dissatisfied
}

extension TicketHandled {
    /// Masks the free text the event carries (reason, note, both feedbacks) with
    /// `PersonalDataMask.text`: phone and ID card numbers always, the caller's name when known.
    public mutating func maskFreeText(callerName: String?) {
        func masked(_ text: String?) -> String? { text.map { PersonalDataMask.text($0, callerName: callerName) } }
        reason = masked(reason)
        note = masked(note)
        feedbackToCaller = masked(feedbackToCaller)
        feedbackToCenter = masked(feedbackToCenter)
    }
}
