public import Foundation

/// The handling decisions, pure: who may take an action on a ticket, whether the ticket's state
/// allows it, and what it changes. The caller reads the ticket under its row lock and the kinds
/// of the units the request names (`unitsNamed(by:in:)`), then applies the decision.
public enum HandlingRules {
    /// Actions only the center (or, for a re-dispatch, the sub-center of the ticket's district) takes.
    public static let centerActions: Set<HandlingAction> = [
        .redispatch, .consult, .decideSendBack, .decideExclusion, .decideUnreasonable, .returnVisit, .reopen,
    ]

    /// The org units whose kinds (and parents) `decide` needs for `action`: a re-dispatch's lead
    /// and co-units, a whistle's departments, a double dispatch's community.
    public static func unitsNamed(by action: HandlingAction, in request: HandlingRequest) -> [String] {
        switch action {
        case .redispatch, .consult: redispatchUnits(request).all
        case .whistle, .callHelpers: summoned(request)
        case .dispatchDown: request.community.map { [$0] } ?? []
        case .handUp: request.toUnit.map { [$0] } ?? []
        default: []
        }
    }

    /// What `action` by `actor` does to `ticket`, or why it is refused. `request` has passed
    /// `findings(for:now:)` (checked before the ticket is read); `unitKinds` holds the kinds of
    /// the units `unitsNamed(by:in:)` lists that exist, `unitParents` their parent units. The
    /// events' free text is masked (`PersonalDataMask.text`, with the ticket's caller name); the
    /// row's changes keep it whole.
    public static func decide(
        _ action: HandlingAction, _ request: HandlingRequest, on ticket: HandlingTicket, by actor: Principal,
        unitKinds: [String: OrgUnit.Kind], unitParents: [String: String] = [:], at now: Date
    ) throws(HandlingRefusal) -> HandlingDecision {
        guard actor.mayRead(ticket.parties) else { throw .outOfScope }
        guard actor.mayHandle(action, ticket: ticket) else { throw .notYourPart }
        if centerActions.contains(action), !actor.actsForCenter(action, ticket: ticket) {
            throw .centerOnly(action)
        }
        if townshipActions.contains(action), actor.scope != .city, actor.unitKind != .township {
            throw .townshipOnly(action)
        }
        return try outcome(
            of: action, request, on: ticket, by: actor, unitKinds: unitKinds, unitParents: unitParents, at: now)
    }

    /// The kinds of unit a hand-up (上交) may go to: the levels above a township that hold policy
    /// or funding.
    public static let handUpKinds: Set<OrgUnit.Kind> = [.center, .subCenter, .department, .enterprise]

    /// The steps of a street's or township's own flow: its lead unit takes them (the city scope
    /// may too, on its behalf); no department or enterprise does.
    public static let townshipActions: Set<HandlingAction> = [.signOff, .dispatchDown, .callHelpers]

    /// What `action` by `actor` does to `ticket` once `actor`'s right to take it is established
    /// (by `decide`, or for a group case's joint resolution by `GroupResolution.decide`): the
    /// state machine's check and the changes, with the events' free text masked.
    public static func outcome(
        of action: HandlingAction, _ request: HandlingRequest, on ticket: HandlingTicket, by actor: Principal,
        unitKinds: [String: OrgUnit.Kind], unitParents: [String: String] = [:], at now: Date
    ) throws(HandlingRefusal) -> HandlingDecision {
        guard let next = TicketLifecycle.next(after: action, from: ticket.state) else {
            throw .illegalTransition(from: ticket.state)
        }
        var decision = HandlingDecision(
            state: next, unitCode: ticket.unitCode, changes: HandlingChanges(),
            handled: TicketHandled(
                action: action, state: next, unitCode: ticket.unitCode, actor: actor.name, actorRole: actor.role,
                actorUnitCode: actor.unitCode, reason: request.reason, person: request.person, note: request.note,
                deadline: [.whistle, .handUp, .meetingDecision, .consult, .handDown].contains(action)
                    ? request.deadline : nil,
                approved: request.approved, feedbackToCaller: request.feedbackToCaller,
                feedbackToCenter: request.feedbackToCenter, solved: request.solved,
                satisfaction: request.satisfaction))
        try change(
            &decision, by: action, request, on: ticket, by: actor, unitKinds: unitKinds, unitParents: unitParents,
            at: now)
        decision.handled.state = decision.state
        decision.handled.unitCode = decision.unitCode
        decision.handled.maskFreeText(callerName: ticket.callerName)
        if decision.meetingDecision != nil {
            // The agenda keeps the measure as the event carries it: masked.
            decision.meetingDecision?.measure = decision.handled.note ?? ""
        }
        if decision.consultation != nil {
            // The consultation's record keeps the decision as the event carries it: masked.
            decision.consultation?.decision = decision.handled.note ?? ""
        }
        if let reason = decision.changes.dispatch?.reason {
            decision.changes.dispatch?.reason = PersonalDataMask.text(reason, callerName: ticket.callerName)
        }
        return decision
    }

    /// Why `action` cannot be taken on `ticket` yet or any more, from the ticket alone (a step
    /// before it not taken, a request already pending or decided); nil when nothing of the ticket
    /// stands in its way. The ticket page offers only actions without one.
    public static func unmetPrerequisite(of action: HandlingAction, on ticket: HandlingTicket) -> HandlingRefusal? {
        switch action {
        case .sendBack where ticket.sendBackState == .requested: .sendBackPending
        case .decideSendBack where ticket.sendBackState != .requested: .noSendBackRequest
        case .dispatchDown where ticket.signedOffBy == nil, .callHelpers where ticket.signedOffBy == nil: .notSignedOff
        case .recordPanelOutcome where !ticket.panelPending: .noPanelPending
        case .markUnreasonable where ticket.unreasonableState == .approved: .unreasonableAlreadyAgreed
        case .decideUnreasonable where ticket.unreasonableState != .requested: .noUnreasonableRequest
        case .requestExclusion where ticket.exclusionState == .approved: .exclusionAlreadyApproved
        case .decideExclusion where ticket.exclusionState != .requested: .noExclusionRequest
        default: nil
        }
    }

    private static func change(
        _ decision: inout HandlingDecision, by action: HandlingAction, _ request: HandlingRequest,
        on ticket: HandlingTicket, by actor: Principal, unitKinds: [String: OrgUnit.Kind],
        unitParents: [String: String], at now: Date
    ) throws(HandlingRefusal) {
        if let refusal = unmetPrerequisite(of: action, on: ticket) { throw refusal }
        switch action {
        case .signFor: decision.changes.signed = true
        case .sendBack:
            guard let hub = ticket.sendBackTarget else { throw .nowhereToSendBack }
            if let until = ticket.sendBackUntil, now > until { throw .sendBackWindowClosed(until: until) }
            decision.changes.sendBackState = .requested
            decision.changes.sendBackReason = request.reason
            decision.handled.sentBackFrom = ticket.unitCode
            decision.handled.sendBackTo = hub
        case .decideSendBack:
            guard let hub = ticket.sendBackTarget, actor.scope == .city || actor.unitCode == hub else {
                throw .noSendBackRequest
            }
            decision.changes.sendBackReviewReason = request.reason
            decision.handled.sentBackFrom = ticket.unitCode
            decision.handled.sendBackTo = hub
            guard request.approved == true else {
                decision.changes.sendBackState = .refused
                return
            }
            decision.changes.sendBackState = .approved
            decision.changes.sentBack = true
            decision.state = .sentBack
            decision.unitCode = hub
        case .redispatch:
            let units = try knownRedispatchUnits(request, unitKinds: unitKinds)
            decision.unitCode = units.lead
            decision.changes.dispatch = TicketDispatched(
                unitCode: units.lead, coUnitCodes: units.coUnits, urgency: ticket.urgency,
                reason:
                    "re-dispatched by \(actor.name) (\(actor.unitCode ?? actor.role.rawValue)): \(request.reason ?? "lead unit named")",
                occasion: .redispatch)
        case .consult:
            let units = try knownRedispatchUnits(request, unitKinds: unitKinds)
            if ticket.urgency == .complex, request.deadline == nil {
                throw .invalid([
                    FieldFinding(field: "deadline", detail: "a consultation sets a complex (C) ticket's finish limit")
                ])
            }
            if ticket.urgency != .complex, request.deadline != nil {
                throw .invalid([
                    FieldFinding(
                        field: "deadline",
                        detail:
                            "only a complex (C) ticket's finish limit is set by a consultation; the policy sets this tier's"
                    )
                ])
            }
            let holder = actor.unitCode ?? OrgUnitCode.center
            decision.unitCode = units.lead
            decision.changes.dispatch = TicketDispatched(
                unitCode: units.lead, coUnitCodes: units.coUnits, urgency: ticket.urgency,
                reason: "会商 (\(holder)): \(request.note ?? "")", occasion: .redispatch, finishBy: request.deadline)
            decision.consultation = Consultation(
                heldBy: holder, participants: request.participants ?? [], decision: request.note ?? "",
                leadUnit: units.lead, coUnits: units.coUnits, finishBy: request.deadline)
            decision.handled.participants = request.participants
        case .reopen:
            decision.changes.reopened = true
            decision.changes.dispatch = TicketDispatched(
                unitCode: ticket.unitCode ?? OrgUnitCode.center, coUnitCodes: ticket.coUnitCodes,
                urgency: ticket.urgency, reason: "reopened by \(actor.name): \(request.reason ?? "")", occasion: .reopen
            )
        case .assign: decision.changes.assignee = request.person
        case .signOff:
            decision.changes.signedOffBy = request.person
        case .dispatchDown:
            let community = request.community ?? ""
            guard unitKinds[community] == .community, let lead = ticket.unitCode, unitParents[community] == lead else {
                throw .notOwnCommunity(
                    community,
                    findings: [
                        FieldFinding(
                            field: "community",
                            detail: "'\(community.prefix(40))' is no community of \(ticket.unitCode ?? "the lead unit")"
                        )
                    ])
            }
            decision.changes.assignee = request.person
            decision.changes.communityCode = community
            decision.handled.communityCode = community
        case .callHelpers:
            let helpers = try departmentsOrEnterprises(summoned(request), unitKinds: unitKinds)
            decision.changes.addedCoUnitCodes = helpers.filter { !ticket.coUnitCodes.contains($0) }
            decision.handled.departments = helpers
        case .whistle:
            let named = try departmentsOrEnterprises(summoned(request), unitKinds: unitKinds)
            decision.summons = HandlingDecision.Summons(
                departments: named, summonedBy: actor.unitCode ?? actor.name, deadline: request.deadline ?? now)
            decision.handled.departments = named
        case .reportIn:
            let department = actor.scope == .city ? request.departments?.first : actor.unitCode
            guard let department, ticket.pendingWhistles.contains(department) else {
                throw .noPendingWhistle(department: department)
            }
            decision.reportingDepartment = department
            decision.handled.departments = [department]
        case .handUp:
            let target = request.toUnit ?? ""
            guard let kind = unitKinds[target], Self.handUpKinds.contains(kind), target != ticket.unitCode else {
                throw .invalid([
                    FieldFinding(
                        field: "to_unit",
                        detail:
                            "'\(target.prefix(40))' is no district or city unit (a sub-center, the center, a department or an enterprise)"
                    )
                ])
            }
            decision.changes.handUpDeadline = request.deadline
            decision.changes.handUpUnitCode = target
            decision.handled.handUpUnitCode = target
        case .acceptHandUp:
            decision.changes.handUpAccepted = true
            decision.changes.handUpAnswer = request.note
            decision.handled.handUpUnitCode = ticket.handUpUnitCode
        case .returnHandUp:
            decision.changes.handUpAccepted = false
            decision.changes.handUpAnswer = request.reason
            decision.handled.handUpUnitCode = ticket.handUpUnitCode
        case .handDown:
            decision.changes.handDownPanel = request.note
            decision.changes.handDownMembers = request.panel
            decision.changes.handDownSittingAt = request.deadline
            decision.handled.panel = request.panel
        case .recordPanelOutcome:
            decision.changes.handDownOutcome = request.note
        case .markUnreasonable:
            decision.changes.unreasonableReason = request.reason
            decision.changes.unreasonableState = .requested
        case .decideUnreasonable:
            decision.changes.unreasonableState = request.approved == true ? .approved : .refused
            decision.changes.unreasonableReviewReason = request.reason
        case .requestExclusion:
            decision.changes.exclusionState = .requested
            decision.changes.exclusionReason = request.reason
        case .decideExclusion:
            decision.changes.exclusionState = request.approved == true ? .approved : .refused
        case .resolve:
            decision.changes.result = request.note
            decision.changes.feedbackToCaller = request.feedbackToCaller
            decision.changes.feedbackToCenter = request.feedbackToCenter
        case .returnVisit:
            decision.changes.visitSolved = request.solved
            decision.changes.visitSatisfaction = request.satisfaction
        case .meetingDecision:
            guard ticket.onOpenMeetingAgenda, let unit = ticket.unitCode else { throw .notOnMeetingAgenda }
            decision.meetingDecision = MeetingDecision(
                unitCode: unit, owner: request.person ?? "", measure: request.note ?? "",
                targetDate: request.deadline ?? now, decidedBy: actor.name)
        case .addProgress:
            decision.handled.photoReference = request.photoReference
            decision.changes.reportedBack = actor.role == .gridWorker
        }
    }

    /// A re-dispatch's (or consultation's) lead unit and co-units, each an org unit that exists.
    private static func knownRedispatchUnits(
        _ request: HandlingRequest, unitKinds: [String: OrgUnit.Kind]
    ) throws(HandlingRefusal) -> (lead: String, coUnits: [String], all: [String]) {
        let units = redispatchUnits(request)
        let unknown = units.all.filter { unitKinds[$0] == nil }
        guard unknown.isEmpty else {
            throw .unknownUnits(
                unknown,
                findings: unknown.map {
                    FieldFinding(
                        field: $0 == units.lead ? "lead_unit" : "co_units",
                        detail: "no org unit has code '\($0.prefix(40))'")
                })
        }
        return units
    }

    /// A re-dispatch's lead unit and its co-units (without the lead, each once, sorted).
    private static func redispatchUnits(_ request: HandlingRequest) -> (lead: String, coUnits: [String], all: [String])
    {
        let lead = request.leadUnit ?? ""
        let coUnits = Array(Set(request.coUnits ?? [])).filter { $0 != lead }.sorted()
        return (lead, coUnits, [lead] + coUnits)
    }

    /// `named` when each is a department or an enterprise (a whistle's, a call for helpers').
    private static func departmentsOrEnterprises(
        _ named: [String], unitKinds: [String: OrgUnit.Kind]
    ) throws(HandlingRefusal) -> [String] {
        let wrong = named.filter { unitKinds[$0] != .department && unitKinds[$0] != .enterprise }
        guard wrong.isEmpty else {
            throw .notDepartments(
                wrong,
                findings: wrong.map {
                    FieldFinding(field: "departments", detail: "'\($0.prefix(40))' is not a department or enterprise")
                })
        }
        return named
    }

    /// A whistle's departments (or the helpers called), each once, sorted.
    private static func summoned(_ request: HandlingRequest) -> [String] {
        Array(Set(request.departments ?? [])).sorted()
    }
}
