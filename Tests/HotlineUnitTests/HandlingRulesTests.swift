import Foundation
import HotlineDomain
import Testing

/// What each handling action changes, and every refusal of `HandlingRules.decide`.
@Suite("Handling rules")
struct HandlingRulesTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)
    static let later = now.addingTimeInterval(86_400)
    static let township = "110105026"
    static let housing = "110105:department:housing"
    static let traffic = "110105:department:traffic"
    static let kinds: [String: OrgUnit.Kind] = [
        township: .township, housing: .department, traffic: .department, "110105": .subCenter,
        "110105:enterprise:water": .enterprise,
    ]

    static let operatorCaller = Principal(tokenId: UUID(), name: "op", role: .operator, unitCode: nil)
    static let lead = Principal(tokenId: UUID(), name: "street", role: .handler, unitCode: township)

    static func ticket(
        _ state: TicketState, unit: String? = township, exclusion: ExclusionState? = nil, pending: [String] = []
    ) -> HandlingTicket {
        HandlingTicket(
            state: state, unitCode: unit, coUnitCodes: [housing], districtCode: "110105", urgency: .livelihood,
            exclusionState: exclusion, pendingWhistles: pending)
    }

    static func decide(
        _ action: HandlingAction, _ request: HandlingRequest = HandlingRequest(), on ticket: HandlingTicket,
        by actor: Principal = lead
    ) throws(HandlingRefusal) -> HandlingDecision {
        try HandlingRules.decide(action, request, on: ticket, by: actor, unitKinds: kinds, at: now)
    }

    static func refusal(
        _ action: HandlingAction, _ request: HandlingRequest = HandlingRequest(), on ticket: HandlingTicket,
        by actor: Principal = lead
    ) -> HandlingRefusal? {
        do throws(HandlingRefusal) {
            _ = try decide(action, request, on: ticket, by: actor)
            return nil
        } catch {
            return error
        }
    }

    @Test("refusals come in order: scope, center, state")
    func checkOrder() {
        let stranger = Principal(tokenId: UUID(), name: "x", role: .handler, unitCode: "110101001")
        #expect(Self.refusal(.signFor, on: Self.ticket(.closed), by: stranger) == .outOfScope)
        #expect(Self.refusal(.reopen, on: Self.ticket(.inProgress)) == .centerOnly(.reopen))
        #expect(Self.refusal(.signFor, on: Self.ticket(.inProgress)) == .illegalTransition(from: .inProgress))
    }

    @Test("sign-for, assign, hand-up, hand-down, unreasonable, resolve and return visit set their columns")
    func plainChanges() throws {
        #expect(try Self.decide(.signFor, on: Self.ticket(.dispatched)).changes.signed)
        #expect(
            try Self.decide(.assign, HandlingRequest(person: "Li"), on: Self.ticket(.inProgress)).changes.assignee
                == "Li")
        let handUp = try Self.decide(.handUp, HandlingRequest(deadline: Self.later), on: Self.ticket(.inProgress))
        #expect(handUp.changes.handUpDeadline == Self.later)
        #expect(handUp.state == .handedUp)
        #expect(handUp.handled.deadline == Self.later)
        #expect(
            try Self.decide(.handDown, HandlingRequest(note: "panel"), on: Self.ticket(.inProgress)).changes
                .handDownPanel == "panel")
        #expect(
            try Self.decide(.markUnreasonable, HandlingRequest(reason: "why"), on: Self.ticket(.inProgress)).changes
                .unreasonableReason == "why")
        let resolved = try Self.decide(
            .resolve, HandlingRequest(note: "done", feedbackToCaller: "told", feedbackToCenter: "reported"),
            on: Self.ticket(.inProgress))
        #expect(resolved.changes.result == "done")
        #expect(resolved.changes.feedbackToCaller == "told")
        #expect(resolved.changes.feedbackToCenter == "reported")
        #expect(resolved.state == .resolved)
        let visit = try Self.decide(
            .returnVisit, HandlingRequest(solved: .partly, satisfaction: .basically), on: Self.ticket(.resolved),
            by: Self.operatorCaller)
        #expect(visit.changes.visitSolved == .partly)
        #expect(visit.changes.visitSatisfaction == .basically)
        #expect(visit.state == .closed)
    }

    @Test("adding progress changes nothing but records the note")
    func progress() throws {
        let decision = try Self.decide(.addProgress, HandlingRequest(note: "called"), on: Self.ticket(.inProgress))
        #expect(decision.changes == HandlingChanges())
        #expect(decision.handled.note == "called")
        #expect(decision.handled.deadline == nil)
        #expect(decision.dispatched == nil)
    }

    @Test("a send-back goes to the district's sub-center, from there to the center, and no further")
    func sendBack() throws {
        let fromTownship = try Self.decide(.sendBack, HandlingRequest(reason: "r"), on: Self.ticket(.dispatched))
        #expect(fromTownship.unitCode == "110105")
        #expect(fromTownship.changes.sentBack)
        #expect(fromTownship.handled.unitCode == "110105")
        let fromSubCenter = try Self.decide(
            .sendBack, HandlingRequest(reason: "r"), on: Self.ticket(.dispatched, unit: "110105"),
            by: Self.operatorCaller)
        #expect(fromSubCenter.unitCode == OrgUnitCode.center)
        var centers = Self.ticket(.dispatched, unit: OrgUnitCode.center)
        #expect(
            try Self.decide(.sendBack, HandlingRequest(reason: "r"), on: centers, by: Self.operatorCaller).unitCode
                == "110105", "the center's ticket in a district goes to the district")
        centers.districtCode = nil
        #expect(
            Self.refusal(.sendBack, HandlingRequest(reason: "r"), on: centers, by: Self.operatorCaller)
                == .nowhereToSendBack)
    }

    @Test("a re-dispatch names known units: the lead, co-units without it, sorted, once each")
    func redispatch() throws {
        let request = HandlingRequest(
            reason: "better fit", leadUnit: Self.housing, coUnits: [Self.traffic, Self.housing, Self.traffic])
        #expect(HandlingRules.unitsNamed(by: .redispatch, in: request) == [Self.housing, Self.traffic])
        let decision = try Self.decide(
            .redispatch, request, on: Self.ticket(.sentBack), by: Self.operatorCaller)
        #expect(decision.unitCode == Self.housing)
        #expect(decision.state == .dispatched)
        #expect(
            decision.dispatched
                == TicketDispatched(
                    unitCode: Self.housing, coUnitCodes: [Self.traffic], urgency: .livelihood,
                    reason: "re-dispatched by op (operator): better fit", occasion: .redispatch))
    }

    @Test("a re-dispatch to units that do not exist is refused with a finding per unit")
    func redispatchUnknown() {
        let request = HandlingRequest(leadUnit: "nowhere", coUnits: ["neither"])
        #expect(
            Self.refusal(.redispatch, request, on: Self.ticket(.sentBack), by: Self.operatorCaller)
                == .unknownUnits(
                    ["nowhere", "neither"],
                    findings: [
                        FieldFinding(field: "lead_unit", detail: "no org unit has code 'nowhere'"),
                        FieldFinding(field: "co_units", detail: "no org unit has code 'neither'"),
                    ]))
    }

    @Test("a reopening sends the ticket back to its unit and clears the result")
    func reopen() throws {
        let decision = try Self.decide(
            .reopen, HandlingRequest(reason: "not fixed"), on: Self.ticket(.closed), by: Self.operatorCaller)
        #expect(decision.changes.reopened)
        #expect(decision.state == .dispatched)
        #expect(decision.dispatched?.unitCode == Self.township)
        #expect(decision.dispatched?.coUnitCodes == [Self.housing])
        #expect(decision.dispatched?.reason == "reopened by op: not fixed")
        #expect(decision.dispatched?.occasion == .reopen)
    }

    @Test("a whistle summons departments or enterprises, by the unit, until the deadline")
    func whistle() throws {
        let request = HandlingRequest(
            departments: [Self.traffic, "110105:enterprise:water", Self.traffic], deadline: Self.later)
        #expect(
            HandlingRules.unitsNamed(by: .whistle, in: request)
                == ["110105:department:traffic", "110105:enterprise:water"].sorted())
        let decision = try Self.decide(.whistle, request, on: Self.ticket(.inProgress))
        #expect(
            decision.summons
                == HandlingDecision.Summons(
                    departments: ["110105:department:traffic", "110105:enterprise:water"], summonedBy: Self.township,
                    deadline: Self.later))
        #expect(decision.handled.departments == decision.summons?.departments)
        #expect(decision.handled.deadline == Self.later)
        #expect(
            Self.refusal(
                .whistle, HandlingRequest(departments: ["110105"], deadline: Self.later), on: Self.ticket(.inProgress))
                == .notDepartments(
                    ["110105"],
                    findings: [FieldFinding(field: "departments", detail: "'110105' is not a department or enterprise")]
                ))
    }

    @Test("a summoned department reports in for itself; the center names the department")
    func reportIn() throws {
        let waiting = Self.ticket(.inProgress, pending: [Self.traffic])
        let department = Principal(tokenId: UUID(), name: "traffic", role: .handler, unitCode: Self.traffic)
        let own = try Self.decide(.reportIn, HandlingRequest(departments: ["ignored"]), on: waiting, by: department)
        #expect(own.reportingDepartment == Self.traffic)
        #expect(own.handled.departments == [Self.traffic])
        let named = try Self.decide(
            .reportIn, HandlingRequest(departments: [Self.traffic]), on: waiting, by: Self.operatorCaller)
        #expect(named.reportingDepartment == Self.traffic)
        #expect(
            Self.refusal(.reportIn, HandlingRequest(departments: [Self.housing]), on: waiting, by: Self.operatorCaller)
                == .noPendingWhistle(department: Self.housing))
        #expect(
            Self.refusal(.reportIn, on: waiting, by: Self.operatorCaller) == .noPendingWhistle(department: nil))
    }

    @Test("an exclusion is requested unless already approved, and decided only when requested")
    func exclusion() throws {
        let requested = try Self.decide(
            .requestExclusion, HandlingRequest(reason: "force majeure"), on: Self.ticket(.inProgress))
        #expect(requested.changes.exclusionState == .requested)
        #expect(requested.changes.exclusionReason == "force majeure")
        #expect(
            try Self.decide(
                .requestExclusion, HandlingRequest(reason: "again"), on: Self.ticket(.resolved, exclusion: .refused)
            )
            .changes.exclusionState == .requested)
        #expect(
            Self.refusal(
                .requestExclusion, HandlingRequest(reason: "r"), on: Self.ticket(.inProgress, exclusion: .approved))
                == .exclusionAlreadyApproved)
        let pending = Self.ticket(.resolved, exclusion: .requested)
        #expect(
            try Self.decide(.decideExclusion, HandlingRequest(approved: true), on: pending, by: Self.operatorCaller)
                .changes.exclusionState == .approved)
        #expect(
            try Self.decide(.decideExclusion, HandlingRequest(approved: false), on: pending, by: Self.operatorCaller)
                .changes.exclusionState == .refused)
        for state in [nil, ExclusionState.approved, .refused] {
            #expect(
                Self.refusal(
                    .decideExclusion, HandlingRequest(approved: true), on: Self.ticket(.resolved, exclusion: state),
                    by: Self.operatorCaller) == .noExclusionRequest)
        }
    }

    @Test("the handled event names the actor and the ticket's state and unit after the action")
    func handledEvent() throws {
        let decision = try Self.decide(.signFor, on: Self.ticket(.dispatched))
        #expect(
            decision.handled
                == TicketHandled(
                    action: .signFor, state: .inProgress, unitCode: Self.township, actor: "street", actorRole: .handler,
                    actorUnitCode: Self.township))
        #expect(HandlingRules.unitsNamed(by: .signFor, in: HandlingRequest(leadUnit: "x")) == [])
    }
}
