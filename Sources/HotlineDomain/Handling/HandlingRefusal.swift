public import Foundation

/// Why a handling action is refused, in the order the checks run.
public enum HandlingRefusal: Error, Sendable, Equatable {
    /// The request lacks or gets wrong the fields the action needs (`HandlingRequest.findings`).
    case invalid([FieldFinding])
    /// The caller may not act on this ticket at all; it is told there is no such ticket.
    case outOfScope
    /// The caller may read the ticket but its unit's part in it does not include this action
    /// (a co-unit resolving, a department that has reported in acting again).
    case notYourPart
    /// Only the center (for a re-dispatch also the sub-center of the ticket's district) may do this.
    case centerOnly(HandlingAction)
    /// The action is not allowed in the ticket's state.
    case illegalTransition(from: TicketState)
    /// A send-back of a ticket that is already the center's.
    case nowhereToSendBack
    /// A send-back after the policy's window: the unit asked too late, and handles the ticket.
    case sendBackWindowClosed(until: Date)
    /// A send-back while an earlier one waits for the center's decision.
    case sendBackPending
    /// A send-back decision without a pending send-back, or by the hub that sent the ticket back.
    case noSendBackRequest
    /// A re-dispatch names units that do not exist (each finding names one).
    case unknownUnits([String], findings: [FieldFinding])
    /// A whistle names units that are not departments or enterprises.
    case notDepartments([String], findings: [FieldFinding])
    /// A report-in that no whistle waits for (the department, when one was named).
    case noPendingWhistle(department: String?)
    /// An exclusion request for a ticket whose exclusion was already approved.
    case exclusionAlreadyApproved
    /// An exclusion decision without a pending request.
    case noExclusionRequest
    /// The request was already agreed to be unreasonable.
    case unreasonableAlreadyAgreed
    /// An unreasonable-request decision without a pending request.
    case noUnreasonableRequest
    /// A meeting decision on a ticket that is on no open leadership-meeting agenda of its lead unit.
    case notOnMeetingAgenda
    /// A step of the township's own flow (sign-off, double dispatch) by a unit that is no township.
    case townshipOnly(HandlingAction)
    /// A panel outcome without a hand-down waiting for one.
    case noPanelPending
    /// A double dispatch before the township's leader signed the ticket off.
    case notSignedOff
    /// A double dispatch to a unit that is not one of the lead township's communities.
    case notOwnCommunity(String, findings: [FieldFinding])
}
