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
        let handUp = try Self.decide(
            .handUp, HandlingRequest(deadline: Self.later, toUnit: "110105"), on: Self.ticket(.inProgress))
        #expect(handUp.changes.handUpDeadline == Self.later)
        #expect(handUp.changes.handUpUnitCode == "110105")
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

    static let subCenter = Principal(
        tokenId: UUID(), name: "分中心", role: .handler, unitCode: "110105", unitKind: .subCenter, districtCode: "110105")

    @Test("a send-back is a request to the district's sub-center; the unit keeps the ticket meanwhile")
    func sendBack() throws {
        let request = try Self.decide(.sendBack, HandlingRequest(reason: "r"), on: Self.ticket(.dispatched))
        #expect(request.state == .dispatched && request.unitCode == Self.township)
        #expect(request.changes.sendBackState == .requested && request.changes.sendBackReason == "r")
        #expect(!request.changes.sentBack)
        #expect(request.handled.sentBackFrom == Self.township && request.handled.sendBackTo == "110105")
        var pending = Self.ticket(.inProgress)
        pending.sendBackState = .requested
        #expect(Self.refusal(.sendBack, HandlingRequest(reason: "r"), on: pending) == .sendBackPending)
        var refusedBefore = Self.ticket(.inProgress)
        refusedBefore.sendBackState = .refused
        #expect(Self.refusal(.sendBack, HandlingRequest(reason: "r"), on: refusedBefore) == nil, "asked again")
    }

    @Test("a send-back is asked within the policy's window after dispatch, not after it")
    func sendBackWindow() {
        var ticket = Self.ticket(.inProgress)
        ticket.sendBackUntil = Self.now
        #expect(Self.refusal(.sendBack, HandlingRequest(reason: "r"), on: ticket) == nil, "at the window's end")
        ticket.sendBackUntil = Self.now - 1
        #expect(
            Self.refusal(.sendBack, HandlingRequest(reason: "r"), on: ticket)
                == .sendBackWindowClosed(until: Self.now - 1))
    }

    @Test("the sub-center agrees (the ticket goes to it) or refuses (the unit keeps it), with its reason")
    func decideSendBack() throws {
        var ticket = Self.ticket(.inProgress)
        ticket.sendBackState = .requested
        let agreed = try Self.decide(
            .decideSendBack, HandlingRequest(reason: "ok", approved: true), on: ticket, by: Self.subCenter)
        #expect(agreed.state == .sentBack && agreed.unitCode == "110105" && agreed.changes.sentBack)
        #expect(agreed.handled.state == .sentBack && agreed.handled.unitCode == "110105")
        #expect(agreed.changes.sendBackState == .approved && agreed.changes.sendBackReviewReason == "ok")
        #expect(agreed.handled.sentBackFrom == Self.township)
        let refused = try Self.decide(
            .decideSendBack, HandlingRequest(reason: "yours", approved: false), on: ticket, by: Self.operatorCaller)
        #expect(refused.state == .inProgress && refused.unitCode == Self.township && !refused.changes.sentBack)
        #expect(refused.changes.sendBackState == .refused)
    }

    @Test("refused: a decision without a request, by the unit itself, by another district, by the hub on its own")
    func decideSendBackRefused() {
        let approve = HandlingRequest(reason: "ok", approved: true)
        #expect(
            Self.refusal(.decideSendBack, approve, on: Self.ticket(.inProgress), by: Self.subCenter)
                == .noSendBackRequest)
        var ticket = Self.ticket(.inProgress)
        ticket.sendBackState = .requested
        #expect(Self.refusal(.decideSendBack, approve, on: ticket) == .centerOnly(.decideSendBack))
        let otherDistrict = Principal(
            tokenId: UUID(), name: "x", role: .handler, unitCode: "110101", unitKind: .subCenter, districtCode: "110101"
        )
        #expect(Self.refusal(.decideSendBack, approve, on: ticket, by: otherDistrict) == .outOfScope)
        var subCentersOwn = Self.ticket(.inProgress, unit: "110105")
        subCentersOwn.sendBackState = .requested
        #expect(
            Self.refusal(.decideSendBack, approve, on: subCentersOwn, by: Self.subCenter) == .noSendBackRequest,
            "the center decides a sub-center's send-back")
        #expect(
            (try? Self.decide(.decideSendBack, approve, on: subCentersOwn, by: Self.operatorCaller))?.unitCode
                == OrgUnitCode.center)
    }

    @Test("a send-back goes to the district's sub-center, from there to the center, and no further")
    func sendBackTargets() {
        #expect(Self.ticket(.dispatched).sendBackTarget == "110105")
        #expect(Self.ticket(.dispatched, unit: "110105").sendBackTarget == OrgUnitCode.center)
        var centers = Self.ticket(.dispatched, unit: OrgUnitCode.center)
        #expect(centers.sendBackTarget == "110105", "the center's ticket in a district goes to the district")
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

/// The township's own flow: sign-off (签批) and double dispatch (双派单) to a community.
@Suite("Township flow rules")
struct TownshipFlowRulesTests {
    static let now = HandlingRulesTests.now
    static let township = HandlingRulesTests.township
    static let ownCommunity = "110105026001"
    static let otherCommunity = "110105023001"
    static let kinds: [String: OrgUnit.Kind] = HandlingRulesTests.kinds.merging(
        [ownCommunity: .community, otherCommunity: .community], uniquingKeysWith: { a, _ in a })
    static let parents = [ownCommunity: township, otherCommunity: "110105023"]
    static let down = HandlingRequest(person: "张主任", community: ownCommunity)

    static func ticket(
        _ state: TicketState = .inProgress, unit: String = township, signedOffBy: String? = nil
    )
        -> HandlingTicket
    {
        HandlingTicket(
            state: state, unitCode: unit, districtCode: "110105", urgency: .general, signedOffBy: signedOffBy)
    }

    static func decide(
        _ action: HandlingAction, _ request: HandlingRequest, on ticket: HandlingTicket,
        by actor: Principal = HandlingRulesTests.lead
    ) -> Result<HandlingDecision, HandlingRefusal> {
        do throws(HandlingRefusal) {
            return .success(
                try HandlingRules.decide(
                    action, request, on: ticket, by: actor, unitKinds: kinds, unitParents: parents, at: now))
        } catch {
            return .failure(error)
        }
    }

    static let townshipLead = Principal(
        tokenId: UUID(), name: "street", role: .handler, unitCode: township, unitKind: .township,
        districtCode: "110105")
    static let housing = Principal(
        tokenId: UUID(), name: "h", role: .handler, unitCode: HandlingRulesTests.housing, unitKind: .department,
        districtCode: "110105")

    @Test("a sign-off records the leader; a double dispatch then names the leader and the township's own community")
    func signOffThenDown() throws {
        let signed = try Self.decide(.signOff, HandlingRequest(person: "王书记"), on: Self.ticket(), by: Self.townshipLead)
            .get()
        #expect(signed.changes.signedOffBy == "王书记")
        #expect(signed.state == .inProgress)
        let sent = try Self.decide(.dispatchDown, Self.down, on: Self.ticket(signedOffBy: "王书记"), by: Self.townshipLead)
            .get()
        #expect(sent.changes.communityCode == Self.ownCommunity)
        #expect(sent.changes.assignee == "张主任")
        #expect(sent.handled.communityCode == Self.ownCommunity)
        #expect(InboxRule.notices(for: sent.handled).map(\.unitCode) == [Self.ownCommunity])
        #expect(InboxRule.notices(for: sent.handled).map(\.kind) == [.dispatchedDown])
    }

    @Test("refused: down before the sign-off, to another township's community or to a department, by a department")
    func refusals() {
        #expect(
            Self.decide(.dispatchDown, Self.down, on: Self.ticket(), by: Self.townshipLead) == .failure(.notSignedOff))
        let elsewhere = HandlingRequest(person: "张主任", community: Self.otherCommunity)
        guard
            case .failure(.notOwnCommunity(Self.otherCommunity, _)) = Self.decide(
                .dispatchDown, elsewhere, on: Self.ticket(signedOffBy: "王书记"), by: Self.townshipLead)
        else {
            Issue.record("another township's community was accepted")
            return
        }
        let department = HandlingRequest(person: "张主任", community: HandlingRulesTests.housing)
        guard
            case .failure(.notOwnCommunity) = Self.decide(
                .dispatchDown, department, on: Self.ticket(signedOffBy: "王书记"), by: Self.townshipLead)
        else {
            Issue.record("a department was taken for a community")
            return
        }
        #expect(
            Self.decide(
                .signOff, HandlingRequest(person: "李局长"), on: Self.ticket(unit: HandlingRulesTests.housing),
                by: Self.housing
            )
                == .failure(.townshipOnly(.signOff)))
        #expect(
            Self.decide(.signOff, HandlingRequest(person: "王书记"), on: Self.ticket(.dispatched), by: Self.townshipLead)
                == .failure(.illegalTransition(from: .dispatched)))
    }

    @Test("after the sign-off the township calls local stations to help (帮办): they join the co-units and are told")
    func callHelpers() throws {
        let traffic = HandlingRulesTests.traffic
        let water = "110105:enterprise:water"
        var signed = Self.ticket(signedOffBy: "王书记")
        signed.coUnitCodes = [traffic]
        let called = try Self.decide(
            .callHelpers, HandlingRequest(note: "请协助", departments: [water, traffic, water]), on: signed,
            by: Self.townshipLead
        ).get()
        #expect(called.state == .inProgress && called.unitCode == Self.township)
        #expect(called.changes.addedCoUnitCodes == [water], "a co-unit already is not added twice")
        #expect(called.handled.departments == [traffic, water])
        #expect(
            InboxRule.notices(for: called.handled)
                == [traffic, water].map {
                    InboxNotice(unitCode: $0, kind: .coDispatched, note: "帮办 \(Self.township)")
                })
        var after = signed
        after.coUnitCodes += called.changes.addedCoUnitCodes
        let helper = Principal(tokenId: UUID(), name: "w", role: .handler, unitCode: water, unitKind: .enterprise)
        #expect(helper.mayRead(after.parties) && helper.callerData(on: after.parties) == .masked)
        #expect(helper.mayHandle(.addProgress, ticket: after) && !helper.mayHandle(.resolve, ticket: after))
    }

    @Test("refused: helpers before the sign-off, a unit that is no department or enterprise, by a department")
    func callHelpersRefused() {
        let request = HandlingRequest(departments: [HandlingRulesTests.housing])
        #expect(
            Self.decide(.callHelpers, request, on: Self.ticket(), by: Self.townshipLead) == .failure(.notSignedOff))
        guard
            case .failure(.notDepartments([Self.ownCommunity], _)) = Self.decide(
                .callHelpers, HandlingRequest(departments: [Self.ownCommunity]), on: Self.ticket(signedOffBy: "王书记"),
                by: Self.townshipLead)
        else {
            Issue.record("a community was called as a helper station")
            return
        }
        #expect(
            Self.decide(
                .callHelpers, request, on: Self.ticket(unit: HandlingRulesTests.housing, signedOffBy: "x"),
                by: Self.housing)
                == .failure(.townshipOnly(.callHelpers)))
        #expect(HandlingRequest().findings(for: .callHelpers, now: Self.now).map(\.field) == ["departments"])
    }

    @Test("a hand-down names its panel by role and its sitting; the outcome is recorded once, after it")
    func handDown() throws {
        let sitting = Self.now.addingTimeInterval(86_400)
        let panel = [PanelMember(name: "张大爷", role: .elder), PanelMember(name: "李律师", role: .lawyer)]
        let request = HandlingRequest(note: "通道纠纷", deadline: sitting, panel: panel)
        #expect(request.findings(for: .handDown, now: Self.now).isEmpty)
        let handed = try Self.decide(.handDown, request, on: Self.ticket()).get()
        #expect(handed.changes.handDownPanel == "通道纠纷" && handed.changes.handDownMembers == panel)
        #expect(handed.changes.handDownSittingAt == sitting)
        #expect(handed.handled.panel == panel && handed.handled.deadline == sitting)
        #expect(
            Self.decide(.recordPanelOutcome, HandlingRequest(note: "和解"), on: Self.ticket())
                == .failure(.noPanelPending))
        var pending = Self.ticket()
        pending.panelPending = true
        let outcome = try Self.decide(.recordPanelOutcome, HandlingRequest(note: "和解"), on: pending).get()
        #expect(outcome.changes.handDownOutcome == "和解" && outcome.state == .inProgress)
        #expect(
            HandlingRequest(note: "x", deadline: Self.now, panel: [PanelMember(name: " ", role: .mediator)])
                .findings(for: .handDown, now: Self.now).map(\.field) == ["panel", "deadline"])
        #expect(
            HandlingRequest(note: "x").findings(for: .handDown, now: Self.now).map(\.field) == ["panel", "deadline"])
        #expect(HandlingRequest().findings(for: .recordPanelOutcome, now: Self.now).map(\.field) == ["note"])
    }

    @Test("a sign-off needs the leader, a double dispatch the leader and the community; a photo reference is text")
    func findings() {
        let now = Self.now
        #expect(HandlingRequest().findings(for: .signOff, now: now).map(\.field) == ["person"])
        #expect(HandlingRequest().findings(for: .dispatchDown, now: now).map(\.field) == ["person", "community"])
        #expect(
            HandlingRequest(note: "已到现场", photoReference: " ").findings(for: .addProgress, now: now).map(\.field)
                == ["photo_reference"])
        #expect(
            HandlingRequest(note: "已到现场", photoReference: "IMG_1.jpg").findings(for: .addProgress, now: now).isEmpty)
    }
}

/// The communities file: every community under a township that exists, each code once.
@Suite("Communities")
struct CommunityListTests {
    static let divisions = [
        Division(code: "110105", parentCode: "110000", tier: .district, name: "朝阳区"),
        Division(code: "110105026", parentCode: "110105", tier: .township, name: "望京街道"),
    ]

    static func parse(_ text: String) throws(CSVError) -> [Community] {
        try Community.communities(csv: try CSVTable(parsing: text), divisions: divisions)
    }

    @Test("a community belongs to a township and its district")
    func parses() throws {
        let communities = try Self.parse("code,township_code,name\n110105026001,110105026,望京西园社区\n")
        #expect(communities == [Community(code: "110105026001", townshipCode: "110105026", name: "望京西园社区")])
        let units = Organisation.units(divisions: Self.divisions, communities: communities, specialtyNames: [])
        let unit = units.first { $0.code == "110105026001" }
        #expect(unit?.kind == .community)
        #expect(unit?.parentCode == "110105026")
        #expect(unit?.districtCode == "110105")
    }

    @Test("refused: an unknown township, a code twice, a code of a division, a missing name")
    func refusals() {
        for text in [
            "code,township_code,name\n110105099001,110105099,某社区\n",
            "code,township_code,name\n110105026001,110105026,甲社区\n110105026001,110105026,乙社区\n",
            "code,township_code,name\n110105026,110105026,甲社区\n",
            "code,township_code,name\n110105026001,110105026,\n",
        ] {
            #expect(throws: CSVError.self) { try Self.parse(text) }
        }
    }

    @Test("the shipped list is generated: every township has communities, each name marked as generated")
    func shippedList() {
        let reference = ReferenceFixtures.reference
        let townships = Set(reference.divisions.filter { $0.tier == .township }.map(\.code))
        #expect(Set(reference.communities.map(\.townshipCode)) == townships)
        #expect(reference.communities.allSatisfy { $0.name.hasSuffix("（生成）") })
    }
}

/// A consultation (会商): the sub-center's decision, lead and co-units, and a complex ticket's
/// finish limit, which the SLA timer follows.
@Suite("Consultation rules")
struct ConsultationRulesTests {
    static let now = HandlingRulesTests.now
    static let finish = now.addingTimeInterval(10 * 86_400)
    static let subCenter = Principal(
        tokenId: UUID(), name: "分中心", role: .handler, unitCode: "110105", unitKind: .subCenter,
        districtCode: "110105")
    static let request = HandlingRequest(
        note: "街道牵头，住建委配合，十日内办结", deadline: finish, leadUnit: HandlingRulesTests.township,
        coUnits: [HandlingRulesTests.housing], participants: ["望京街道", "朝阳区住建委"])

    static func ticket(_ urgency: UrgencyTier) -> HandlingTicket {
        HandlingTicket(state: .dispatched, unitCode: "110105", districtCode: "110105", urgency: urgency)
    }

    static func decide(
        _ request: HandlingRequest, on ticket: HandlingTicket, by actor: Principal = subCenter
    )
        -> Result<HandlingDecision, HandlingRefusal>
    {
        do throws(HandlingRefusal) {
            return .success(
                try HandlingRules.decide(
                    .consult, request, on: ticket, by: actor, unitKinds: HandlingRulesTests.kinds, at: now))
        } catch {
            return .failure(error)
        }
    }

    @Test("on a complex ticket it names the lead and co-units, records who took part and sets the finish limit")
    func complex() throws {
        let decision = try Self.decide(Self.request, on: Self.ticket(.complex)).get()
        #expect(decision.state == .dispatched)
        #expect(decision.unitCode == HandlingRulesTests.township)
        #expect(decision.dispatched?.coUnitCodes == [HandlingRulesTests.housing])
        #expect(decision.dispatched?.finishBy == Self.finish)
        #expect(decision.consultation?.participants == ["望京街道", "朝阳区住建委"])
        #expect(decision.consultation?.heldBy == "110105")
        #expect(decision.handled.deadline == Self.finish)
        let planner = SLAPlanner(policy: .beijing)
        let timers = planner.timers(
            dispatchedTo: HandlingRulesTests.township, unitKind: .township, tier: .complex, district: "110105",
            at: Self.now, setFinish: Self.finish)
        #expect(timers.contains { $0.kind == .deadline(.finish) && $0.dueAt == Self.finish })
        #expect(timers.contains { $0.kind == .deadline(.progress) }, "the weekly progress duty of a complex ticket")
        #expect(
            planner.deadlines(tier: .complex, district: "110105", dispatchedAt: Self.now, setFinish: Self.finish)
                .finishBy == Self.finish)
    }

    @Test(
        "a complex ticket needs the finish limit; another tier keeps the policy's; only the center and the district's sub-center consult"
    )
    func refusals() {
        var withoutLimit = Self.request
        withoutLimit.deadline = nil
        guard case .failure(.invalid(let missing)) = Self.decide(withoutLimit, on: Self.ticket(.complex)) else {
            Issue.record("a complex ticket's consultation without a finish limit was accepted")
            return
        }
        #expect(missing.map(\.field) == ["deadline"])
        guard case .failure(.invalid(let extra)) = Self.decide(Self.request, on: Self.ticket(.general)) else {
            Issue.record("a general ticket's finish limit was set by a consultation")
            return
        }
        #expect(extra.map(\.field) == ["deadline"])
        #expect((try? Self.decide(withoutLimit, on: Self.ticket(.general)).get())?.dispatched?.finishBy == nil)
        let township = HandlingTicket(
            state: .inProgress, unitCode: HandlingRulesTests.township, districtCode: "110105", urgency: .complex)
        #expect(
            Self.decide(Self.request, on: township, by: HandlingRulesTests.lead) == .failure(.centerOnly(.consult)))
        #expect(
            HandlingRequest(note: "x", leadUnit: "110105026").findings(for: .consult, now: Self.now).map(\.field)
                == ["participants"])
    }
}

/// An unreasonable request (不合理诉求): the unit marks it, the center agrees or refuses.
@Suite("Unreasonable request review")
struct UnreasonableReviewTests {
    static func ticket(_ state: ExclusionState?) -> HandlingTicket {
        HandlingTicket(
            state: .inProgress, unitCode: HandlingRulesTests.township, districtCode: "110105", urgency: .general,
            unreasonableState: state)
    }

    static func refusal(
        _ action: HandlingAction, _ request: HandlingRequest, on ticket: HandlingTicket, by actor: Principal
    ) -> HandlingRefusal? {
        do throws(HandlingRefusal) {
            _ = try HandlingRules.decide(
                action, request, on: ticket, by: actor, unitKinds: HandlingRulesTests.kinds, at: HandlingRulesTests.now)
            return nil
        } catch {
            return error
        }
    }

    @Test("the unit's mark asks for the review; the center's decision records agreement or refusal with its reason")
    func review() throws {
        let marked = try HandlingRules.decide(
            .markUnreasonable, HandlingRequest(reason: "要求街道赔偿个人投资损失，已解释"), on: Self.ticket(nil),
            by: HandlingRulesTests.lead, unitKinds: [:], at: HandlingRulesTests.now)
        #expect(marked.changes.unreasonableState == .requested)
        let agreed = try HandlingRules.decide(
            .decideUnreasonable, HandlingRequest(reason: "属个人投资纠纷", approved: true), on: Self.ticket(.requested),
            by: HandlingRulesTests.operatorCaller, unitKinds: [:], at: HandlingRulesTests.now)
        #expect(agreed.changes.unreasonableState == .approved)
        #expect(agreed.changes.unreasonableReviewReason == "属个人投资纠纷")
        #expect(InboxRule.notices(for: agreed.handled).map(\.kind) == [.unreasonableDecided])
        let refused = try HandlingRules.decide(
            .decideUnreasonable, HandlingRequest(reason: "诉求合理，应予办理", approved: false), on: Self.ticket(.requested),
            by: HandlingRulesTests.operatorCaller, unitKinds: [:], at: HandlingRulesTests.now)
        #expect(refused.changes.unreasonableState == .refused)
    }

    @Test(
        "refused: a unit deciding, a decision without a pending mark, a mark after agreement, a decision without reason"
    )
    func refusals() {
        let decide = HandlingRequest(reason: "理由", approved: true)
        #expect(
            Self.refusal(.decideUnreasonable, decide, on: Self.ticket(.requested), by: HandlingRulesTests.lead)
                == .centerOnly(.decideUnreasonable))
        #expect(
            Self.refusal(.decideUnreasonable, decide, on: Self.ticket(nil), by: HandlingRulesTests.operatorCaller)
                == .noUnreasonableRequest)
        #expect(
            Self.refusal(.decideUnreasonable, decide, on: Self.ticket(.approved), by: HandlingRulesTests.operatorCaller)
                == .noUnreasonableRequest)
        #expect(
            Self.refusal(
                .markUnreasonable, HandlingRequest(reason: "再次"), on: Self.ticket(.approved),
                by: HandlingRulesTests.lead)
                == .unreasonableAlreadyAgreed)
        #expect(
            HandlingRequest(approved: true).findings(for: .decideUnreasonable, now: HandlingRulesTests.now).map(\.field)
                == ["reason"])
    }
}

/// A hand-up (上交) reaches a named district or city unit, which accepts it with a plan or
/// returns it with a reason; nobody else answers it.
@Suite("Hand-up rules")
struct HandUpRulesTests {
    static let housing = HandlingRulesTests.housing
    static let handedUp = HandlingTicket(
        state: .handedUp, unitCode: HandlingRulesTests.township, districtCode: "110105", urgency: .general,
        handUpUnitCode: housing)
    static let housingHandler = Principal(
        tokenId: UUID(), name: "住建委", role: .handler, unitCode: housing, unitKind: .department, districtCode: "110105")

    static func decide(
        _ action: HandlingAction, _ request: HandlingRequest, on ticket: HandlingTicket, by actor: Principal
    ) -> Result<HandlingDecision, HandlingRefusal> {
        do throws(HandlingRefusal) {
            return .success(
                try HandlingRules.decide(
                    action, request, on: ticket, by: actor, unitKinds: HandlingRulesTests.kinds,
                    at: HandlingRulesTests.now))
        } catch {
            return .failure(error)
        }
    }

    @Test("a hand-up names a district or city unit, whose inbox gets it with the deadline")
    func handUp() throws {
        let decision = try Self.decide(
            .handUp, HandlingRequest(deadline: HandlingRulesTests.later, toUnit: Self.housing),
            on: HandlingRulesTests.ticket(.inProgress), by: HandlingRulesTests.lead
        ).get()
        let notices = InboxRule.notices(for: decision.handled)
        #expect(notices.map(\.unitCode) == [Self.housing])
        #expect(notices.map(\.kind) == [.handedUp])
        #expect(notices.first?.dueAt == HandlingRulesTests.later)
        for wrong in [HandlingRulesTests.township, "110105099", "nowhere"] {
            guard
                case .failure(.invalid(let findings)) = Self.decide(
                    .handUp, HandlingRequest(deadline: HandlingRulesTests.later, toUnit: wrong),
                    on: HandlingRulesTests.ticket(.inProgress), by: HandlingRulesTests.lead)
            else {
                Issue.record("a hand-up to \(wrong) was accepted")
                continue
            }
            #expect(findings.map(\.field) == ["to_unit"])
        }
    }

    @Test("the unit it went to accepts with a plan or returns with a reason; the lead unit cannot answer for it")
    func answers() throws {
        let accepted = try Self.decide(
            .acceptHandUp, HandlingRequest(note: "纳入明年老旧小区改造计划"), on: Self.handedUp, by: Self.housingHandler
        ).get()
        #expect(accepted.state == .handedUp)
        #expect(accepted.changes.handUpAccepted == true)
        #expect(accepted.changes.handUpAnswer == "纳入明年老旧小区改造计划")
        #expect(InboxRule.notices(for: accepted.handled).map(\.unitCode) == [HandlingRulesTests.township])
        let returned = try Self.decide(
            .returnHandUp, HandlingRequest(reason: "属街道职责，可协调物业解决"), on: Self.handedUp, by: Self.housingHandler
        ).get()
        #expect(returned.state == .inProgress)
        #expect(returned.changes.handUpAccepted == false)
        #expect(
            Self.decide(.acceptHandUp, HandlingRequest(note: "x"), on: Self.handedUp, by: HandlingRulesTests.lead)
                == .failure(.notYourPart))
        #expect(Self.housingHandler.mayRead(Self.handedUp.parties))
        #expect(Self.housingHandler.callerData(on: Self.handedUp.parties) == .masked)
        #expect(
            Self.decide(
                .resolve, HandlingRequest(note: "x", feedbackToCaller: "x", feedbackToCenter: "x"), on: Self.handedUp,
                by: Self.housingHandler)
                == .failure(.notYourPart))
    }

    @Test("what the ticket itself shows stands in an action's way, and the decision refuses for the same reason")
    func unmetPrerequisites() {
        let open = HandlingRulesTests.ticket(.inProgress)
        var signedOff = open
        signedOff.signedOffBy = "王书记"
        var panel = open
        panel.panelPending = true
        var asked = open
        asked.sendBackState = .requested
        asked.unreasonableState = .requested
        asked.exclusionState = .requested
        var agreed = open
        agreed.unreasonableState = .approved
        agreed.exclusionState = .approved
        let cases: [(HandlingAction, HandlingTicket, HandlingRefusal?)] = [
            (.dispatchDown, open, .notSignedOff), (.dispatchDown, signedOff, nil),
            (.callHelpers, open, .notSignedOff), (.callHelpers, signedOff, nil),
            (.recordPanelOutcome, open, .noPanelPending), (.recordPanelOutcome, panel, nil),
            (.sendBack, open, nil), (.sendBack, asked, .sendBackPending),
            (.decideSendBack, open, .noSendBackRequest), (.decideSendBack, asked, nil),
            (.decideUnreasonable, open, .noUnreasonableRequest), (.decideUnreasonable, asked, nil),
            (.markUnreasonable, open, nil), (.markUnreasonable, agreed, .unreasonableAlreadyAgreed),
            (.decideExclusion, open, .noExclusionRequest), (.decideExclusion, asked, nil),
            (.requestExclusion, open, nil), (.requestExclusion, agreed, .exclusionAlreadyApproved),
            (.addProgress, open, nil), (.signOff, open, nil),
        ]
        for (action, ticket, expected) in cases {
            #expect(HandlingRules.unmetPrerequisite(of: action, on: ticket) == expected, "\(action)")
            if let expected {
                #expect(
                    HandlingRulesTests.refusal(action, on: ticket, by: HandlingRulesTests.operatorCaller) == expected,
                    "the decision refuses \(action) as the page does")
            }
        }
    }
}
