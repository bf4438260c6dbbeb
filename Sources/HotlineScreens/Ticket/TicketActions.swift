import HotlineDomain
import HotlineStorage

/// Which handling actions the ticket page offers `principal` on a ticket: the checks
/// `HandlingRules.decide` makes before it looks at an action's particulars — the role may
/// handle tickets, the ticket's state allows the action (`TicketLifecycle`), the principal's
/// part in the ticket allows it (`Principal.mayHandle`) and, for center actions,
/// `Principal.actsForCenter`, and nothing the ticket shows stands in its way
/// (`HandlingRules.unmetPrerequisite`: a sign-off before the double dispatch, a request to
/// decide, a panel waiting for its outcome). Particulars checked only under the ticket's lock
/// (a pending whistle for this department, a meeting agenda, the send-back window) are left to
/// the use case, whose refusal the page shows.
enum TicketActions {
    /// The actions to show as forms, in `HandlingAction`'s order.
    static func offered(to principal: Principal, on record: TicketRecord) -> [HandlingAction] {
        guard Role.ticketActions.contains(principal.role) else { return [] }
        let ticket = HandlingTicket(
            state: record.state, unitCode: record.unitCode, coUnitCodes: record.coUnitCodes,
            districtCode: record.districtCode, urgency: record.urgency, exclusionState: record.exclusionState,
            pendingWhistles: record.summonedUnitCodes, summonedUnitCodes: record.summonedUnitCodes,
            communityCode: record.communityCode, signedOffBy: record.signedOffBy,
            unreasonableState: record.unreasonableState, handUpUnitCode: record.handUpUnitCode,
            sendBackState: record.sendBackState,
            panelPending: record.handDownMembers != nil && record.handDownOutcome == nil)
        return HandlingAction.allCases.filter { action in
            TicketLifecycle.next(after: action, from: record.state) != nil
                && HandlingRules.unmetPrerequisite(of: action, on: ticket) == nil
                && principal.mayHandle(action, ticket: ticket)
                && (!HandlingRules.centerActions.contains(action) || principal.actsForCenter(action, ticket: ticket))
        }
    }
}
