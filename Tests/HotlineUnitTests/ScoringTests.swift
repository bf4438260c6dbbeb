import Foundation
import HotlineDomain
import Testing

@Suite("Scoring rules")
struct ScoringTests {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!
    static let start = Date(timeIntervalSince1970: 1_796_083_200)  // 2026-12-01 08:00 in Beijing
    var reducer = ScoringReducer(
        planner: SLAPlanner(policy: .beijing), timeZone: ScoringTests.zone, excludesAgreedUnreasonable: true)
    let ticket = UUID()

    func handled(
        _ action: HandlingAction, solved: VisitSolved? = nil, satisfaction: VisitSatisfaction? = nil,
        approved: Bool? = nil
    ) -> ScoringEvent {
        .handled(
            TicketHandled(
                action: action, state: .inProgress, unitCode: "110105026", actor: "t", actorRole: .handler,
                actorUnitCode: nil,
                approved: approved,
                solved: solved, satisfaction: satisfaction))
    }

    func play(_ steps: [(ScoringEvent, TimeInterval)]) -> [AssessmentFact] {
        var facts: [AssessmentFact] = []
        for (event, offset) in steps {
            reducer.apply(
                event, ticketId: ticket, district: "110105", at: Self.start.addingTimeInterval(offset), to: &facts)
        }
        return facts
    }

    static let dispatch = ScoringEvent.dispatched(
        TicketDispatched(unitCode: "110105026", urgency: .general, reason: "r"))

    @Test(
        "a ticket handled in time: signed in time, resolved on time, solved and satisfied, counted in its dispatch month"
    )
    func inTime() throws {
        let facts = play([
            (Self.dispatch, 0), (handled(.signFor), 3600), (handled(.resolve), 86_400),
            (handled(.returnVisit, solved: .solved, satisfaction: .satisfied), 90_000),
        ])
        let fact = try #require(facts.first)
        #expect(facts.count == 1)
        #expect(fact.month == CalendarDay(year: 2026, month: 12, day: 1))
        #expect(
            fact.signedInTime && fact.resolved && fact.resolvedOnTime && fact.visited && fact.solved && fact.satisfied)
    }

    @Test("late sign-for, late resolution, overdue, partly solved and basically satisfied count against the unit")
    func late() throws {
        let overdue = ScoringEvent.timerFired(
            SLATimerFired(
                kind: .overdue, timer: "deadline:finish", step: .finish, unitCode: "110105026", dueAt: Self.start))
        let fact = try #require(
            play([
                (Self.dispatch, 0), (handled(.signFor), 7_201), (overdue, 604_800), (handled(.resolve), 700_000),
                (handled(.returnVisit, solved: .partly, satisfaction: .basically), 710_000),
            ]).first)
        #expect(
            !fact.signedInTime && fact.resolved && !fact.resolvedOnTime && fact.overdue && fact.visited && !fact.solved
                && !fact.satisfied)
    }

    @Test("a re-dispatch opens a new fact for the new unit; later events are the new unit's")
    func redispatch() {
        let facts = play([
            (Self.dispatch, 0), (handled(.sendBack), 300), (handled(.decideSendBack, approved: true), 600),
            (.dispatched(TicketDispatched(unitCode: "110105023", urgency: .general, reason: "r")), 1200),
            (handled(.signFor), 1800),
            (handled(.reopen), 2400),
        ])
        #expect(facts.map(\.unitCode) == ["110105026", "110105023"])
        #expect(facts[0].sentBack && !facts[0].signedInTime)
        #expect(facts[1].signedInTime && facts[1].reopened == 1)
    }

    @Test("an approved exclusion takes every dispatch of the ticket out; a refused one does not")
    func exclusion() {
        let refused = play([(Self.dispatch, 0), (handled(.decideExclusion, approved: false), 60)])
        let approved = play([(Self.dispatch, 0), (handled(.decideExclusion, approved: true), 60)])
        #expect(UnitFigures(refused).dispatched == 1)
        #expect(UnitFigures(approved).dispatched == 0)
        #expect(UnitFigures(approved).excluded == 1)
    }

    @Test(
        "an unreasonable request the center agreed leaves the assessment when the policy says exclude, not when it says count"
    )
    func unreasonable() {
        let marked = [(Self.dispatch, 0.0), (handled(.markUnreasonable), 30.0)]
        #expect(UnitFigures(play(marked + [(handled(.decideUnreasonable, approved: true), 60)])).excluded == 1)
        #expect(UnitFigures(play(marked + [(handled(.decideUnreasonable, approved: false), 60)])).dispatched == 1)
        #expect(UnitFigures(play(marked)).dispatched == 1, "marked but not yet reviewed: it counts")
        var counting = self
        counting.reducer = ScoringReducer(
            planner: SLAPlanner(policy: .beijing), timeZone: Self.zone, excludesAgreedUnreasonable: false)
        #expect(
            UnitFigures(counting.play(marked + [(handled(.decideUnreasonable, approved: true), 60)])).dispatched == 1)
    }

    static func figures(dispatched: Int, signed: Int, visited: Int, solved: Int, satisfied: Int) -> UnitFigures {
        var figures = UnitFigures()
        figures.dispatched = dispatched
        figures.signedInTime = signed
        figures.visited = visited
        figures.solved = solved
        figures.satisfied = satisfied
        return figures
    }

    static let policy = AssessmentPolicy(
        responseWeight: 30, resolutionWeight: 35, satisfactionWeight: 35, advancedTop: 1, rectificationBottom: 1,
        progressingTop: 1,
        governanceTop: 1)

    /// Hand-computed: A and B 0.8 / 0.75 / 0.5 → 24 + 26.25 + 17.5 = 67.75; C 1.0 / 0.5 / 0.25 →
    /// 30 + 17.5 + 8.75 = 56.25; D 0.5 / 0.25 / 0.25 → 15 + 8.75 + 8.75 = 32.5; E without visits
    /// is scored on its response rate alone: 0.25 → 25; F has no tickets.
    @Test("rates, weights, ties sharing a rank, classes, and units without tickets")
    func monthlyAssessment() throws {
        let units = [
            Assessment.Unit(
                code: "A", name: "甲街道", tier: .township,
                figures: Self.figures(dispatched: 20, signed: 16, visited: 4, solved: 3, satisfied: 2)),
            Assessment.Unit(
                code: "B", name: "乙街道", tier: .township,
                figures: Self.figures(dispatched: 10, signed: 8, visited: 8, solved: 6, satisfied: 4)),
            Assessment.Unit(
                code: "C", name: "丙镇", tier: .township,
                figures: Self.figures(dispatched: 40, signed: 40, visited: 4, solved: 2, satisfied: 1)),
            Assessment.Unit(
                code: "D", name: "丁乡", tier: .township,
                figures: Self.figures(dispatched: 4, signed: 2, visited: 4, solved: 1, satisfied: 1)
            ),
            Assessment.Unit(
                code: "E", name: "戊镇", tier: .township,
                figures: Self.figures(dispatched: 4, signed: 1, visited: 0, solved: 0, satisfied: 0)
            ),
            Assessment.Unit(code: "F", name: "己镇", tier: .township, figures: UnitFigures()),
        ]
        let results = Assessment(policy: Self.policy).assess(units, previousRanks: ["C": 5, "D": 2])
        let byCode = Dictionary(uniqueKeysWithValues: results.map { ($0.unitCode, $0) })
        #expect(results.map(\.unitCode) == ["A", "B", "C", "D", "E", "F"])
        #expect(byCode["A"]?.score == 67.75 && byCode["B"]?.score == 67.75)
        #expect(byCode["C"]?.score == 56.25)
        #expect(byCode["D"]?.score == 32.5)
        #expect(byCode["E"]?.score == 25)
        #expect(results.map(\.rank) == [1, 1, 3, 4, 5, nil])
        #expect(
            byCode["A"]?.assessmentClass == .advanced && byCode["B"]?.assessmentClass == .advanced,
            "tied for first: both advanced")
        #expect(byCode["E"]?.assessmentClass == .rectification)
        #expect(byCode["C"]?.assessmentClass == .progressing, "from 5th to 3rd")
        #expect(byCode["D"]?.assessmentClass == .governance, "the busiest unit left unclassed")
        #expect(byCode["F"]?.score == nil && byCode["F"]?.rank == nil && byCode["F"]?.assessmentClass == nil)
        #expect(
            byCode["A"]?.responseRate == 0.8 && byCode["A"]?.resolutionRate == 0.75
                && byCode["A"]?.satisfactionRate == 0.5)
    }

    @Test("the volume class goes to the busiest unit not already classed")
    func governance() {
        let units = (1...4).map { index in
            Assessment.Unit(
                code: "T\(index)", name: "T\(index)", tier: .township,
                figures: Self.figures(dispatched: index * 10, signed: index * 5, visited: 0, solved: 0, satisfied: 0))
        }
        let results = Assessment(policy: Self.policy).assess(units, previousRanks: [:])
        #expect(results.allSatisfy { $0.score == 50 && $0.rank == 1 }, "all equal: one shared rank")
        #expect(
            results.filter { $0.assessmentClass == .advanced }.count == 4,
            "a tie for first puts everyone in the top class")
    }

    @Test("Schemas/policy/assessment.csv reads as 30/35/35")
    func policyData() throws {
        let table = try CSVTable(
            parsing: String(
                contentsOf: ReferenceFixtures.repository.appendingPathComponent("Schemas/policy/assessment.csv"),
                encoding: .utf8))
        let policy = try AssessmentPolicy(csv: table)
        #expect(policy.responseWeight == 30 && policy.resolutionWeight == 35 && policy.satisfactionWeight == 35)
        #expect(policy.excludesAgreedUnreasonable)
        #expect(policy.shrinkageTickets == 10)
        #expect(throws: CSVError.self) { try AssessmentPolicy(values: ["unreasonable_effect": "sometimes"]) }
        let values = Dictionary(uniqueKeysWithValues: policy.records.map { ($0.key, $0.value) })
        #expect(try AssessmentPolicy(values: values) == policy, "the stored records read back as the policy")
        var withoutShrinkage = values
        withoutShrinkage["shrinkage_tickets"] = nil
        #expect(try AssessmentPolicy(values: withoutShrinkage).shrinkageTickets == 0, "absent: the raw rates")
        withoutShrinkage["shrinkage_tickets"] = "-1"
        #expect(throws: CSVError.self) { try AssessmentPolicy(values: withoutShrinkage) }
    }

    /// Every rate of each unit is good / dispatched, so its score is that rate × 100. The tier
    /// pools 137 of 152; with 10 tickets of shrinkage the single perfect ticket scores
    /// (1 + 10 × 137/152) / 11 ≈ 91.0, below the busy unit's (96 + 10 × 137/152) / 110 ≈ 95.5, and
    /// the single failed ticket ≈ 81.9, above a unit that failed one in five of 50 (≈ 81.7).
    @Test("with shrinkage, a unit with one ticket tops or bottoms the ranking only if its rates would at any volume")
    func shrinkage() throws {
        func unit(_ code: String, dispatched: Int, good: Int) -> Assessment.Unit {
            Assessment.Unit(
                code: code, name: code, tier: .township,
                figures: Self.figures(
                    dispatched: dispatched, signed: good, visited: dispatched, solved: good, satisfied: good))
        }
        let units = [
            unit("busy", dispatched: 100, good: 96), unit("lucky", dispatched: 1, good: 1),
            unit("unlucky", dispatched: 1, good: 0), unit("poor", dispatched: 50, good: 40),
        ]
        let raw = Assessment(policy: Self.policy).assess(units, previousRanks: [:])
        #expect(raw.map(\.unitCode) == ["lucky", "busy", "poor", "unlucky"], "raw rates: chance decides both ends")
        var policy = Self.policy
        policy.shrinkageTickets = 10
        let fair = Assessment(policy: policy).assess(units, previousRanks: [:])
        #expect(fair.map(\.unitCode) == ["busy", "lucky", "unlucky", "poor"])
        let lucky = try #require(fair.first { $0.unitCode == "lucky" })
        #expect(lucky.responseRate == 1 && lucky.satisfactionRate == 1, "the rates shown stay the unit's own")
        let pooled: Double = 137.0 / 152.0
        let expected: Double = 100 * (1 + 10 * pooled) / 11
        #expect(abs(try #require(lucky.score) - expected) < 0.01)
        #expect(fair.first { $0.unitCode == "busy" }?.assessmentClass == .advanced)
        #expect(fair.first { $0.unitCode == "poor" }?.assessmentClass == .rectification)
    }
}
