import Foundation
import HotlineDomain
import Testing

/// A clock the test moves by hand.
final class TestClock: HotlineClock, @unchecked Sendable {
    // Only the test's own task touches `current`; the type is Sendable to be passed as a HotlineClock.
    var current: Date
    init(_ start: Date) { current = start }
    func now() -> Date { current }
    func advance(_ seconds: TimeInterval) { current = current.addingTimeInterval(seconds) }
}

/// The SLA rules played forward in memory: timers come due as the test clock moves, and fire
/// when they still apply, as the SLA timer does with its durable timers.
struct TimerSimulation {
    let planner = SLAPlanner(policy: .beijing)
    let clock: TestClock
    var pending: [PlannedTimer] = []
    var facts: TicketFacts
    var tier: UrgencyTier
    var district: String? = "110105"
    var fired: [(String, SLAEventKind)] = []
    var reported: Set<String> = []

    init(tier: UrgencyTier, unit: String = "110105026", clock: TestClock) {
        self.clock = clock
        self.tier = tier
        facts = TicketFacts(state: .dispatched, unitCode: unit, signed: false, assigned: false, districtCode: "110105")
        pending = planner.timers(dispatchedTo: unit, unitKind: nil, tier: tier, district: district, at: clock.now())
    }

    mutating func act(_ action: HandlingAction, departments: [String] = [], deadline: Date? = nil) {
        let handled = TicketHandled(
            action: action, state: facts.state, unitCode: facts.unitCode, actor: "承办人", actorRole: .handler,
            actorUnitCode: facts.unitCode, departments: departments, deadline: deadline)
        let change = planner.change(
            after: handled, unit: facts.unitCode ?? "", tier: tier, district: district, at: clock.now())
        if change.cancelAll { pending = [] }
        pending.removeAll { change.cancel.contains($0.kind) }
        add(change.add)
        switch action {
        case .signFor: facts.signed = true; facts.state = .inProgress
        case .assign: facts.assigned = true
        case .resolve: facts.state = .resolved
        case .reportIn: reported.formUnion(departments)
        default: break
        }
    }

    mutating func redispatch(to unit: String) {
        facts = TicketFacts(state: .dispatched, unitCode: unit, signed: false, assigned: false, districtCode: "110105")
        pending = planner.timers(dispatchedTo: unit, unitKind: nil, tier: tier, district: district, at: clock.now())
    }

    /// Adds timers, at most one pending of each kind (as the unique index of `sla_timers` does).
    mutating func add(_ timers: [PlannedTimer]) {
        for timer in timers where !pending.contains(where: { $0.kind == timer.kind }) { pending.append(timer) }
    }

    /// Moves the clock by `seconds`, firing what comes due, in due order.
    mutating func run(for seconds: TimeInterval) {
        let end = clock.now().addingTimeInterval(seconds)
        while let next = pending.filter({ $0.dueAt <= end }).min(by: { $0.dueAt < $1.dueAt }) {
            pending.removeAll { $0 == next }
            clock.current = next.dueAt
            var current = facts
            if case .whistle(let department) = next.kind { current.reportedIn = reported.contains(department) }
            guard planner.stillApplies(next, to: current) else { continue }
            let firing = planner.firing(next, tier: tier, district: district, at: clock.now())
            add(firing.followUps)
            fired.append((next.kind.code, firing.event))
        }
        clock.current = end
    }

    var firedCodes: [String] { fired.map(\.0) }
}

@Suite("SLA timers")
struct SLATests {
    static let start = Date(timeIntervalSince1970: 1_795_305_600)

    @Test("Schemas/policy/time_limits.csv holds Beijing's limits")
    func policyData() throws {
        #expect(ReferenceFixtures.reference.timeLimits == .beijing)
        #expect(try TimeLimitPolicy(records: TimeLimitPolicy.beijing.records) == .beijing)
    }

    @Test("a district's own limits win over the city's")
    func districtPolicy() throws {
        var records = TimeLimitPolicy.beijing.records
        var faster = records[0]
        faster["district_code"] = "110105"
        faster["finish_minutes"] = "60"
        records.append(faster)
        let policy = try TimeLimitPolicy(records: records)
        #expect(policy.limits(.emergency, district: "110105").finish == 3600)
        #expect(policy.limits(.emergency, district: "110108").finish == 7200)
    }

    static let tiers: [(UrgencyTier, [(String, TimeInterval)])] = [
        (
            .emergency,
            [
                ("reminder:sign_for", 720), ("deadline:sign_for", 900), ("reminder:assign", 720),
                ("deadline:assign", 900),
                ("reminder:finish", 5760), ("deadline:finish", 7200),
            ]
        ),
        (
            .livelihood,
            [
                ("reminder:sign_for", 720), ("deadline:sign_for", 900), ("reminder:assign", 720),
                ("deadline:assign", 900),
                ("reminder:finish", 69_120), ("deadline:finish", 86_400),
            ]
        ),
        (
            .general,
            [
                ("reminder:sign_for", 5760), ("deadline:sign_for", 7200), ("reminder:assign", 5760),
                ("deadline:assign", 7200),
                ("reminder:finish", 483_840), ("deadline:finish", 604_800), ("checkpoint:1", 86_400),
                ("checkpoint:3", 259_200),
                ("checkpoint:5", 432_000), ("checkpoint:7", 604_800),
            ]
        ),
        (
            .complex,
            [
                ("reminder:sign_for", 5760), ("deadline:sign_for", 7200), ("reminder:assign", 5760),
                ("deadline:assign", 7200),
                ("deadline:progress", 604_800),
            ]
        ),
    ]

    @Test("each tier's timers at dispatch", arguments: tiers)
    func timersPerTier(tier: UrgencyTier, expected: [(String, TimeInterval)]) {
        let timers = SLAPlanner(policy: .beijing).timers(
            dispatchedTo: "110105026", unitKind: nil, tier: tier, district: "110105", at: Self.start)
        #expect(timers.map(\.kind.code) == expected.map(\.0))
        #expect(timers.map { $0.dueAt.timeIntervalSince(Self.start) } == expected.map(\.1))
        #expect(timers.allSatisfy { $0.unitCode == "110105026" })
    }

    @Test("timer codes read back")
    func codes() {
        for kind in [
            SLATimerKind.reminder(.finish), .deadline(.signFor), .checkpoint(day: 3),
            .whistle(department: "110105:department:housing"),
            .escalation,
        ] {
            #expect(SLATimerKind(code: kind.code) == kind)
        }
        #expect(SLATimerKind(code: "deadline:nap") == nil)
    }

    @Test("a general ticket nobody touches: reminders, 一三五七 checkpoints, overdue steps, then the center")
    func untouchedGeneral() {
        var simulation = TimerSimulation(tier: .general, clock: TestClock(Self.start))
        simulation.run(for: 9 * 86_400)
        #expect(
            simulation.firedCodes == [
                "reminder:sign_for", "reminder:assign", "deadline:sign_for", "deadline:assign", "checkpoint:1",
                "escalation",
                "checkpoint:3",
                "checkpoint:5", "reminder:finish", "deadline:finish", "checkpoint:7", "escalation",
            ])
        #expect(simulation.fired.filter { $0.1 == .overdue }.count == 3)
    }

    @Test("steps done in time cancel their timers; checkpoints still come")
    func doneInTime() {
        var simulation = TimerSimulation(tier: .general, clock: TestClock(Self.start))
        simulation.run(for: 600)
        simulation.act(.signFor)
        simulation.act(.assign)
        simulation.run(for: 4 * 86_400)
        simulation.act(.resolve)
        simulation.run(for: 10 * 86_400)
        #expect(simulation.firedCodes == ["checkpoint:1", "checkpoint:3"])
    }

    @Test("an emergency signed late but finished in time: one overdue, the reminder, no escalation once resolved")
    func emergency() {
        var simulation = TimerSimulation(tier: .emergency, clock: TestClock(Self.start))
        simulation.run(for: 1000)
        simulation.act(.signFor)
        simulation.act(.assign)
        simulation.run(for: 3600)
        simulation.act(.resolve)
        simulation.run(for: 86_400)
        #expect(
            simulation.firedCodes == ["reminder:sign_for", "reminder:assign", "deadline:sign_for", "deadline:assign"])
    }

    @Test("a complex ticket owes weekly progress; a report moves the duty a week on")
    func complexProgress() {
        var simulation = TimerSimulation(tier: .complex, clock: TestClock(Self.start))
        simulation.act(.signFor)
        simulation.act(.assign)
        simulation.run(for: 6 * 86_400)
        simulation.act(.addProgress)
        simulation.run(for: 6 * 86_400)
        #expect(simulation.firedCodes.isEmpty)
        simulation.run(for: 2 * 86_400)
        #expect(simulation.firedCodes == ["deadline:progress"])
    }

    @Test(
        "a hand-up sets the finish deadline; a whistle deadline is overdue against the department that did not report")
    func handUpAndWhistle() {
        let clock = TestClock(Self.start)
        var simulation = TimerSimulation(tier: .complex, clock: clock)
        simulation.act(.signFor)
        simulation.act(.assign)
        simulation.act(
            .whistle, departments: ["110105:department:housing", "110105:enterprise:water"],
            deadline: clock.now().addingTimeInterval(3600))
        simulation.act(.reportIn, departments: ["110105:department:housing"])
        simulation.act(.handUp, deadline: clock.now().addingTimeInterval(2 * 86_400))
        simulation.act(.addProgress)
        simulation.run(for: 3 * 86_400)
        #expect(simulation.firedCodes == ["whistle:110105:enterprise:water", "reminder:finish", "deadline:finish"])
        let firing = SLAPlanner(policy: .beijing).firing(
            PlannedTimer(
                kind: .whistle(department: "110105:enterprise:water"), dueAt: Self.start,
                unitCode: "110105:enterprise:water"),
            tier: .complex, district: "110105", at: Self.start)
        #expect(firing.event == .overdue)
        #expect(firing.supervision == nil)
    }

    @Test("re-dispatch and reopen replace the old unit's timers")
    func redispatch() {
        var simulation = TimerSimulation(tier: .general, clock: TestClock(Self.start))
        simulation.run(for: 3600)
        simulation.redispatch(to: "110105023")
        simulation.run(for: 3600)
        simulation.act(.signFor)
        simulation.act(.assign)
        #expect(simulation.firedCodes.isEmpty, "the first unit's reminders were due after the re-dispatch")
        #expect(
            !SLAPlanner(policy: .beijing).stillApplies(
                PlannedTimer(kind: .deadline(.signFor), dueAt: Self.start, unitCode: "110105026"),
                to: TicketFacts(
                    state: .dispatched, unitCode: "110105023", signed: false, assigned: false, districtCode: "110105")))
        simulation.act(.resolve)
        simulation.redispatch(to: "110105023")
        simulation.run(for: 8 * 86_400)
        #expect(simulation.firedCodes.suffix(3) == ["deadline:finish", "checkpoint:7", "escalation"])
    }

    @Test(
        "an overdue deadline goes to the district's supervision, then the center's; the sub-center's own goes to the center"
    )
    func escalation() {
        let planner = SLAPlanner(policy: .beijing)
        let late = planner.firing(
            PlannedTimer(kind: .deadline(.finish), dueAt: Self.start, unitCode: "110105026"), tier: .general,
            district: "110105",
            at: Self.start)
        #expect(late.event == .overdue)
        #expect(late.supervision == Supervision(level: .subCenter, unitCode: "110105"))
        #expect(
            late.followUps == [
                PlannedTimer(kind: .escalation, dueAt: Self.start.addingTimeInterval(86_400), unitCode: "110105026")
            ])
        let own = planner.firing(
            PlannedTimer(kind: .deadline(.finish), dueAt: Self.start, unitCode: "110105"), tier: .general,
            district: "110105",
            at: Self.start)
        #expect(own.supervision == Supervision(level: .center, unitCode: OrgUnitCode.center))
        #expect(own.followUps.isEmpty)
        #expect(
            planner.firing(
                PlannedTimer(kind: .escalation, dueAt: Self.start, unitCode: "110105026"), tier: .general,
                district: "110105",
                at: Self.start
            ).event == .escalated)
    }

    @Test("closed and unknown tickets fire nothing")
    func closedTickets() {
        let planner = SLAPlanner(policy: .beijing)
        let checkpoint = PlannedTimer(kind: .checkpoint(day: 3), dueAt: Self.start, unitCode: "110105026")
        #expect(!planner.stillApplies(checkpoint, to: nil))
        for state in TicketState.allCases where !state.isOpenForHandling {
            #expect(
                !planner.stillApplies(
                    checkpoint,
                    to: TicketFacts(
                        state: state, unitCode: "110105026", signed: true, assigned: true, districtCode: nil)))
        }
    }
}
