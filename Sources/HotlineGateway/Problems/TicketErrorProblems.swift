import Foundation
import HotlineDomain
public import HotlineServices
import Hummingbird

extension ProblemDetails {
    /// The problem document for a refusal of a ticket use case.
    public init(_ error: TicketError) {
        switch error {
        case .invalid(let detail, let findings):
            self = JSONBody.invalid(detail, findings: findings)
        case .notFound(let id):
            self.init(
                .notFound, type: "/problems/ticket-not-found", title: "No such ticket", detail: "no ticket has id \(id)"
            )
        case .illegalTransition(let id, let state, let action):
            self.init(
                .conflict, type: "/problems/illegal-transition", title: "Not possible in the ticket's state",
                detail: "ticket \(id) is \(state.rawValue); \(action) is not allowed then")
        case .invalidIdempotencyKey(let maximumLength):
            self.init(
                .badRequest, type: "/problems/invalid-idempotency-key", title: "Invalid Idempotency-Key",
                detail: "1 to \(maximumLength) characters")
        case .idempotencyKeyReused:
            self.init(
                .unprocessableContent, type: "/problems/idempotency-key-reused", title: "Idempotency-Key already used",
                detail: "this key was used with a different body; use a new key for a new ticket")
        case .notYourQueue:
            self.init(
                .forbidden, type: "/problems/forbidden", title: "Not your unit's queue",
                detail: "handlers read only their own unit's queue")
        case .notSupervisor:
            self.init(
                .forbidden, type: "/problems/forbidden", title: "Not a supervising unit",
                detail: "the supervision list is for the center, the district sub-centers and the city's desks")
        case .notReportReader:
            self.init(
                .forbidden, type: "/problems/forbidden", title: "Not a report reader",
                detail: "the period reports are for the city's watchers, the district sub-centers and the townships")
        case .invalidQuery(let parameter, let expected):
            self = QueryProblem.invalid(parameter, expected)
        case .notYourInbox:
            self.init(
                .forbidden, type: "/problems/forbidden", title: "Not your unit's inbox",
                detail: "an inbox is read by its unit and the levels above it, and worked only by its own handlers")
        case .noSuchUnit(let code):
            self.init(
                .notFound, type: "/problems/unit-not-found", title: "No such unit",
                detail: "no org unit has code '\(code.prefix(40))'")
        case .handlingRefused(let id, let action, let refusal):
            self.init(refusal, of: action, on: id)
        case .noSuchGroupCase(let id):
            self.init(
                .notFound, type: "/problems/group-case-not-found", title: "No such group case",
                detail: "no group case has id \(id)")
        case .notGovernanceActor(let attempt):
            self.init(
                .forbidden, type: "/problems/forbidden", title: "Not allowed in governance",
                detail:
                    "\(attempt): the screening is for the city's watchers, adoption for administrators, progress for the task's lead; tasks are read by the city's watchers, sub-centers, townships and the departments involved"
            )
        case .noSuchGovernanceTask(let id):
            self.init(
                .notFound, type: "/problems/governance-task-not-found", title: "No such governance task",
                detail: "no governance task the caller may see has id \(id)")
        case .notYourGroupCase:
            self.init(
                .forbidden, type: "/problems/forbidden", title: "Not yours to resolve",
                detail: "a group case is resolved by its township, its district's sub-center or the center")
        }
    }

    /// The problem document for a handling action `HandlingRules` refused.
    private init(_ refusal: HandlingRefusal, of action: HandlingAction, on id: UUID) {
        switch refusal {
        case .invalid(let findings):
            self.init(TicketError.invalid(findings))
        case .outOfScope:
            self.init(TicketError.notFound(id))
        case .notYourPart:
            self.init(
                .forbidden, type: "/problems/forbidden", title: "Not your unit's part",
                detail:
                    "\(action.rawValue) is for the lead unit (progress also for co-units, a report-in for a summoned department while its whistle is pending)"
            )
        case .centerOnly(let action):
            let holder =
                [.redispatch, .consult, .decideSendBack].contains(action)
                ? " or the sub-center of the ticket's district" : ""
            self.init(
                .forbidden, type: "/problems/forbidden", title: "Only the center may do this",
                detail: "\(action.rawValue) is for the center\(holder)")
        case .illegalTransition(let state):
            self.init(TicketError.illegalTransition(id, state: state, action: action.rawValue))
        case .nowhereToSendBack:
            self.init(
                .conflict, type: "/problems/nowhere-to-send-back", title: "Nowhere to send the ticket back to",
                detail: "ticket \(id) is already the center's")
        case .sendBackWindowClosed(let until):
            self.init(
                .conflict, type: "/problems/send-back-window-closed", title: "Too late to send the ticket back",
                detail:
                    "a send-back of ticket \(id) had to be asked by \(until.formatted(.iso8601)); the unit handles it (or asks the center to re-dispatch through a hand-up)"
            )
        case .sendBackPending:
            self.init(
                .conflict, type: "/problems/send-back-pending", title: "A send-back already waits for a decision",
                detail: "ticket \(id)'s send-back waits for the center's or sub-center's decision")
        case .noSendBackRequest:
            self.init(
                .conflict, type: "/problems/no-send-back-request", title: "No send-back to decide",
                detail:
                    "ticket \(id) has no pending send-back, or it goes to another hub (the district's sub-center decides its units' send-backs, the center the sub-center's)"
            )
        case .unknownUnits(let units, let findings):
            self = JSONBody.invalid("unknown units: \(units.joined(separator: ", "))", findings: findings)
        case .notDepartments(let units, let findings):
            self = JSONBody.invalid(
                "not departments or enterprises: \(units.joined(separator: ", "))", findings: findings)
        case .noPendingWhistle(let department):
            self.init(
                .conflict, type: "/problems/no-pending-whistle", title: "Nobody is waiting for this report",
                detail: "no whistle on ticket \(id) waits for \(department ?? "a department")")
        case .exclusionAlreadyApproved:
            self.init(
                .conflict, type: "/problems/exclusion-decided", title: "Already excluded from assessment",
                detail: "ticket \(id)'s exclusion was approved")
        case .noExclusionRequest:
            self.init(
                .conflict, type: "/problems/no-exclusion-request", title: "No exclusion request to decide",
                detail: "ticket \(id) has no pending request")
        case .unreasonableAlreadyAgreed:
            self.init(
                .conflict, type: "/problems/unreasonable-decided", title: "Already agreed to be unreasonable",
                detail: "the center agreed that ticket \(id)'s request is unreasonable")
        case .noUnreasonableRequest:
            self.init(
                .conflict, type: "/problems/no-unreasonable-request", title: "No unreasonable request to decide",
                detail: "ticket \(id)'s unit has not marked its request unreasonable, or the center decided already")
        case .notOnMeetingAgenda:
            self.init(
                .conflict, type: "/problems/not-on-meeting-agenda", title: "Not on a leadership meeting's agenda",
                detail: "ticket \(id) waits on no open agenda of its lead unit's leadership meeting")
        case .townshipOnly(let action):
            self.init(
                .forbidden, type: "/problems/forbidden", title: "Only a street or township does this",
                detail: "\(action.rawValue) is a step of a street's or township's own flow")
        case .noPanelPending:
            self.init(
                .conflict, type: "/problems/no-panel-pending", title: "No panel waits for its outcome",
                detail: "ticket \(id) was not handed down to a panel (hand_down), or its outcome is recorded")
        case .notSignedOff:
            self.init(
                .conflict, type: "/problems/not-signed-off", title: "Not signed off yet",
                detail: "ticket \(id) goes down to a community once the township's leader has signed it off (sign_off)")
        case .notOwnCommunity(let community, let findings):
            self = JSONBody.invalid("not a community of the lead township: \(community.prefix(40))", findings: findings)
        }
    }
}
