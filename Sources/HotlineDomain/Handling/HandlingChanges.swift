public import Foundation

/// The handling columns an action sets; nil and false leave a column as it is.
public struct HandlingChanges: Sendable, Equatable {
    /// A re-dispatch (or reopening) to the lead unit, with its co-units and reason.
    public var dispatch: TicketDispatched?
    public var signed = false
    public var assignee: String?
    /// A sign-off's leader.
    public var signedOffBy: String?
    /// A double dispatch's community.
    public var communityCode: String?
    /// Helper units (帮办) joining the co-units.
    public var addedCoUnitCodes: [String] = []
    /// The community reported back (a grid worker's progress on its task).
    public var reportedBack = false
    /// An agreed send-back: the ticket leaves the unit for the hub.
    public var sentBack = false
    /// Where the unit's send-back request stands, and its reason and the center's.
    public var sendBackState: ExclusionState?
    public var sendBackReason: String?
    public var sendBackReviewReason: String?
    public var reopened = false
    public var handUpDeadline: Date?
    /// The unit a hand-up goes to.
    public var handUpUnitCode: String?
    /// A hand-up's answer: accepted (with the plan) or returned (with the reason).
    public var handUpAccepted: Bool?
    public var handUpAnswer: String?
    /// A hand-down: the dispute put to the panel, its members and when it sits; then its outcome.
    public var handDownPanel: String?
    public var handDownMembers: [PanelMember]?
    public var handDownSittingAt: Date?
    public var handDownOutcome: String?
    public var unreasonableReason: String?
    public var unreasonableState: ExclusionState?
    /// The center's reason for agreeing or refusing an unreasonable request.
    public var unreasonableReviewReason: String?
    public var exclusionState: ExclusionState?
    public var exclusionReason: String?
    public var result: String?
    public var feedbackToCaller: String?
    public var feedbackToCenter: String?
    public var visitSolved: VisitSolved?
    public var visitSatisfaction: VisitSatisfaction?

    public init() {}
}
