import Foundation
import HotlineDomain
import HotlineServices

/// The answer of `POST /group-cases/{id}/resolve`: the case and its tickets afterwards, the
/// tickets this request resolved, and those it could not resolve with the reason.
struct GroupResolutionView: Encodable {
    /// A linked ticket left unresolved, and why.
    struct Refusal: Encodable {
        var ticket: GroupCaseTicketView
        var reason: String
    }

    var groupCase: GroupCaseView
    var tickets: [GroupCaseTicketView]
    var resolved: [UUID]
    var notResolved: [Refusal]

    enum CodingKeys: String, CodingKey {
        case tickets, resolved
        case groupCase = "group_case"
        case notResolved = "not_resolved"
    }

    init(_ outcome: ResolveGroupCase.Outcome) {
        groupCase = GroupCaseView(outcome.groupCase)
        tickets = outcome.tickets.map(GroupCaseTicketView.init)
        resolved = outcome.resolved
        notResolved = outcome.refused.map {
            Refusal(ticket: GroupCaseTicketView($0.ticket), reason: Self.describe($0.reason, state: $0.ticket.state))
        }
    }

    /// Why a ticket was left as it was, in words.
    private static func describe(_ refusal: HandlingRefusal, state: TicketState) -> String {
        switch refusal {
        case .illegalTransition(let from): "a \(from.rawValue) ticket cannot be resolved"
        case .notYourPart: "led by another unit"
        default: "refused (\(state.rawValue))"
        }
    }
}
