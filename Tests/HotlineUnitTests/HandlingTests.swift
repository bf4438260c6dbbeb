import HotlineDomain
import Testing

@Suite("Ticket lifecycle")
struct TicketLifecycleTests {
    typealias A = HandlingAction
    typealias S = TicketState

    /// The whole machine written out: every allowed (state, action) and where it leads.
    /// Anything not listed is refused.
    static let allowed: [S: [A: S]] = [
        .dispatched: [
            .signFor: .inProgress, .sendBack: .dispatched, .decideSendBack: .dispatched, .redispatch: .dispatched,
            .consult: .dispatched, .meetingDecision: .dispatched,
        ],
        .inProgress: [
            .sendBack: .inProgress, .decideSendBack: .inProgress, .redispatch: .dispatched, .consult: .dispatched,
            .assign: .inProgress,
            .addProgress: .inProgress,
            .whistle: .inProgress,
            .reportIn: .inProgress, .handUp: .handedUp, .handDown: .inProgress, .markUnreasonable: .inProgress,
            .requestExclusion: .inProgress, .decideExclusion: .inProgress, .decideUnreasonable: .inProgress,
            .resolve: .resolved,
            .meetingDecision: .inProgress, .signOff: .inProgress, .dispatchDown: .inProgress,
            .callHelpers: .inProgress, .recordPanelOutcome: .inProgress,
        ],
        .sentBack: [.redispatch: .dispatched, .consult: .dispatched],
        .handedUp: [
            .addProgress: .handedUp, .reportIn: .handedUp, .requestExclusion: .handedUp, .decideExclusion: .handedUp,
            .decideUnreasonable: .handedUp, .acceptHandUp: .handedUp, .returnHandUp: .inProgress,
            .resolve: .resolved, .meetingDecision: .handedUp,
        ],
        .resolved: [
            .requestExclusion: .resolved, .decideExclusion: .resolved, .decideUnreasonable: .resolved,
            .returnVisit: .closed, .reopen: .dispatched,
        ],
        .closed: [.decideExclusion: .closed, .decideUnreasonable: .closed, .reopen: .dispatched],
    ]

    static let pairs: [(S, A)] = S.allCases.flatMap { state in A.allCases.map { (state, $0) } }

    @Test("every state × every action", arguments: pairs)
    func transition(state: S, action: A) {
        #expect(TicketLifecycle.next(after: action, from: state) == Self.allowed[state]?[action])
    }

    @Test("before dispatch and after a direct answer no handling action applies")
    func notYetDispatched() {
        for state in [S.received, .needsReview, .classified, .answeredDirectly] {
            #expect(A.allCases.allSatisfy { TicketLifecycle.next(after: $0, from: state) == nil })
        }
    }

    @Test("a ticket can always be brought to closed from dispatch")
    func pathToClosed() {
        var state = S.dispatched
        for action in [A.signFor, .whistle, .reportIn, .resolve, .returnVisit] {
            state = TicketLifecycle.next(after: action, from: state) ?? state
        }
        #expect(state == .closed)
        #expect(TicketLifecycle.states(allowing: .returnVisit) == [.resolved])
    }
}

@Suite("Dispatch rule and organisation")
struct DispatchRuleTests {
    let reference = ReferenceFixtures.reference
    var rule: DispatchRule { DispatchRule(catalog: reference.catalog, subCenterConfidence: 0.5) }

    func leaf(_ responsible: (ResponsibleUnit) -> Bool) -> CatalogEntry {
        reference.catalog.leaves.first { $0.responsible.map(responsible) == true && $0.defaultUrgency == .general }!
    }

    func classified(
        _ leaf: CatalogEntry?, district: String? = "110105", township: String? = "110105026", confidence: Double = 0.9,
        urgency: UrgencyTier = .general, method: ClassificationMethod = .model
    ) -> TicketClassified {
        TicketClassified(
            categoryCode: leaf?.code, urgency: urgency, confidence: confidence, method: method, districtCode: district,
            townshipCode: township)
    }

    @Test("a township's leaf with a resolved township goes straight to the township")
    func direct() throws {
        let decision = try #require(rule.decide(classified(leaf { $0 == .township })))
        #expect(decision.unitCode == "110105026")
        #expect(decision.reason.contains("direct dispatch"))
    }

    @Test("a department's or enterprise's leaf goes to the district's, or the city's without a district")
    func specialists() throws {
        let housing = leaf { if case .department = $0 { true } else { false } }
        let kind = housing.responsible!.description
        #expect(try #require(rule.decide(classified(housing))).unitCode == "110105:\(kind)")
        #expect(
            try #require(rule.decide(classified(housing, district: nil, township: nil))).unitCode == "110000:\(kind)")
        let utility = leaf { if case .enterprise = $0 { true } else { false } }
        #expect(try #require(rule.decide(classified(utility))).unitCode == "110105:\(utility.responsible!.description)")
    }

    @Test("only the district known, complex, or unsure: the district sub-center")
    func subCenter() throws {
        let township = leaf { $0 == .township }
        #expect(try #require(rule.decide(classified(township, township: nil))).unitCode == "110105")
        #expect(try #require(rule.decide(classified(township, urgency: .complex))).unitCode == "110105")
        #expect(try #require(rule.decide(classified(township, confidence: 0.4))).unitCode == "110105")
        #expect(
            try #require(rule.decide(classified(township, confidence: 0.4, method: .operatorChoice))).unitCode
                == "110105026")
    }

    @Test("nothing known: the municipal center, with a reason")
    func center() throws {
        let decision = try #require(
            rule.decide(classified(nil, district: nil, township: nil, confidence: 0, method: .unresolved)))
        #expect(decision.unitCode == OrgUnitCode.center)
        #expect(decision.reason.contains("municipal center"))
        #expect(
            rule.decide(
                TicketClassified(
                    categoryCode: nil, urgency: .general, confidence: 0, method: .unresolved, reviewRequired: true))
                == nil)
    }

    @Test("every unit a dispatch can name exists in the organisation")
    func everyTargetExists() throws {
        let codes = Set(reference.units.map(\.code))
        #expect(reference.units.filter { $0.kind == .subCenter }.count == 16)
        #expect(reference.units.filter { $0.kind == .township }.count == 343)
        for leaf in reference.catalog.leaves {
            for (district, township) in [("110105", "110105026"), ("110111", "110111103")] as [(String?, String?)] + [
                (nil, nil)
            ] {
                let decision = try #require(rule.decide(classified(leaf, district: district, township: township)))
                #expect(codes.contains(decision.unitCode), "\(leaf.code) → \(decision.unitCode)")
            }
        }
    }
}
