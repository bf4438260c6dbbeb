/// The ticket state machine after classification: which handling action is allowed in which
/// state, and the state it leads to. Pure; the gateway checks it while holding the ticket's row
/// lock, so an illegal action changes nothing and is answered with 409.
public enum TicketLifecycle {
    /// The state `action` leads to from `state`, or nil when the action is not allowed there.
    public static func next(after action: HandlingAction, from state: TicketState) -> TicketState? {
        switch (action, state) {
        case (.signFor, .dispatched): .inProgress
        // A send-back is a request; an agreed one moves the ticket to `.sentBack` (HandlingRules).
        case (.sendBack, .dispatched), (.sendBack, .inProgress), (.decideSendBack, .dispatched),
            (.decideSendBack, .inProgress):
            state
        case (.redispatch, .dispatched), (.redispatch, .sentBack), (.redispatch, .inProgress),
            (.consult, .dispatched), (.consult, .sentBack), (.consult, .inProgress):
            .dispatched
        case (.assign, .inProgress), (.addProgress, .inProgress), (.signOff, .inProgress), (.dispatchDown, .inProgress),
            (.callHelpers, .inProgress), (.recordPanelOutcome, .inProgress),
            (.whistle, .inProgress), (.reportIn, .inProgress),
            (.handDown, .inProgress), (.markUnreasonable, .inProgress):
            .inProgress
        case (.addProgress, .handedUp), (.reportIn, .handedUp): .handedUp
        case (.handUp, .inProgress), (.acceptHandUp, .handedUp): .handedUp
        case (.returnHandUp, .handedUp): .inProgress
        case (.requestExclusion, .inProgress), (.requestExclusion, .handedUp), (.requestExclusion, .resolved),
            (.decideExclusion, .inProgress), (.decideExclusion, .handedUp), (.decideExclusion, .resolved),
            (.decideExclusion, .closed), (.decideUnreasonable, .inProgress), (.decideUnreasonable, .handedUp),
            (.decideUnreasonable, .resolved), (.decideUnreasonable, .closed):
            state
        case (.resolve, .inProgress), (.resolve, .handedUp): .resolved
        case (.meetingDecision, .dispatched), (.meetingDecision, .inProgress), (.meetingDecision, .handedUp): state
        case (.returnVisit, .resolved): .closed
        case (.reopen, .resolved), (.reopen, .closed): .dispatched
        default: nil
        }
    }

    /// The states from which `action` is allowed.
    public static func states(allowing action: HandlingAction) -> [TicketState] {
        TicketState.allCases.filter { next(after: action, from: $0) != nil }
    }
}
