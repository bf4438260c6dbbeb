import Foundation
import HotlineDomain
import Testing

@Suite("SLA timers of the township's own steps")
struct TownshipStepTimerTests {
    static let start = Date(timeIntervalSince1970: 1_795_305_600)
    static let township = "110105026"
    static let community = "110105026001"
    static let planner = SLAPlanner(policy: .beijing)

    static func handled(_ action: HandlingAction, role: Role = .handler, community: String? = nil) -> TicketHandled {
        var handled = TicketHandled(
            action: action, state: .inProgress, unitCode: township, actor: "a", actorRole: role,
            actorUnitCode: township)
        handled.communityCode = community
        return handled
    }

    static func codes(_ timers: [PlannedTimer]) -> [String] {
        timers.map { "\($0.kind.code)@\(Int($0.dueAt.timeIntervalSince(start))) \($0.unitCode)" }
    }

    @Test("a dispatch to a township plans its leader's sign-off; a department's dispatch does not")
    func signOffPlanned() {
        let timers = Self.planner.timers(
            dispatchedTo: Self.township, unitKind: .township, tier: .general, district: "110105", at: Self.start)
        #expect(
            Self.codes(timers.filter { $0.kind.step == .signOff }) == [
                "reminder:sign_off@11520 \(Self.township)", "deadline:sign_off@14400 \(Self.township)",
            ])
        let department = Self.planner.timers(
            dispatchedTo: "110105:department:housing", unitKind: .department, tier: .general, district: "110105",
            at: Self.start)
        #expect(department.allSatisfy { $0.kind.step.map { !SLAStep.townshipSteps.contains($0) } ?? true })
    }

    @Test("each step done cancels its timers and starts the next's; the report back is the community's")
    func stepsChain() {
        let signedOff = Self.planner.change(
            after: Self.handled(.signOff), unit: Self.township, tier: .livelihood, district: "110105", at: Self.start)
        #expect(signedOff.cancel == [.reminder(.signOff), .deadline(.signOff)])
        #expect(
            Self.codes(signedOff.add) == [
                "reminder:dispatch_down@1440 \(Self.township)", "deadline:dispatch_down@1800 \(Self.township)",
            ])
        let down = Self.planner.change(
            after: Self.handled(.dispatchDown, community: Self.community), unit: Self.township, tier: .livelihood,
            district: "110105", at: Self.start)
        #expect(down.cancel.contains(.deadline(.dispatchDown)) && down.cancel.contains(.deadline(.assign)))
        #expect(
            Self.codes(down.add) == [
                "reminder:report_back@11520 \(Self.community)", "deadline:report_back@14400 \(Self.community)",
            ])
        let gridWorker = Self.planner.change(
            after: Self.handled(.addProgress, role: .gridWorker), unit: Self.township, tier: .livelihood,
            district: "110105", at: Self.start)
        #expect(gridWorker.cancel == [.reminder(.reportBack), .deadline(.reportBack)])
        let handler = Self.planner.change(
            after: Self.handled(.addProgress), unit: Self.township, tier: .livelihood, district: "110105",
            at: Self.start)
        #expect(handler.cancel.isEmpty, "the township's own note is no report back")
    }

    @Test("a late step is an overdue signal to its unit: no supervision, no escalation, not the ticket's overdue")
    func lateStep() {
        for step in SLAStep.townshipSteps {
            let firing = Self.planner.firing(
                PlannedTimer(kind: .deadline(step), dueAt: Self.start, unitCode: Self.township), tier: .general,
                district: "110105", at: Self.start)
            #expect(firing.event == .overdue && firing.supervision == nil && firing.followUps.isEmpty)
        }
        let finish = Self.planner.firing(
            PlannedTimer(kind: .deadline(.finish), dueAt: Self.start, unitCode: Self.township), tier: .general,
            district: "110105", at: Self.start)
        #expect(finish.supervision != nil, "the ticket's own deadline still brings supervision")
    }

    @Test("a step's timer applies while the step is open, for the unit (or community) it is against")
    func stillApplies() {
        var facts = TicketFacts(
            state: .inProgress, unitCode: Self.township, signed: true, assigned: false, districtCode: "110105")
        let signOff = PlannedTimer(kind: .deadline(.signOff), dueAt: Self.start, unitCode: Self.township)
        let down = PlannedTimer(kind: .deadline(.dispatchDown), dueAt: Self.start, unitCode: Self.township)
        let back = PlannedTimer(kind: .deadline(.reportBack), dueAt: Self.start, unitCode: Self.community)
        #expect(Self.planner.stillApplies(signOff, to: facts) && Self.planner.stillApplies(down, to: facts))
        facts.signedOff = true
        #expect(!Self.planner.stillApplies(signOff, to: facts))
        facts.dispatchedDown = true
        facts.communityCode = Self.community
        #expect(!Self.planner.stillApplies(down, to: facts) && Self.planner.stillApplies(back, to: facts))
        facts.communityCode = "110105026002"
        #expect(!Self.planner.stillApplies(back, to: facts), "sent down to another community since")
        facts.communityCode = Self.community
        facts.reportedBack = true
        #expect(!Self.planner.stillApplies(back, to: facts))
        facts.unitCode = "110105"
        facts.signedOff = false
        #expect(!Self.planner.stillApplies(signOff, to: facts), "re-dispatched elsewhere")
    }

    @Test("a step the policy leaves empty has no timer, and the CSV's empty column reads as none")
    func noLimit() throws {
        var records = TimeLimitPolicy.beijing.records
        for index in records.indices {
            records[index]["sign_off_minutes"] = ""
            records[index].removeValue(forKey: "report_back_minutes")
        }
        let policy = try TimeLimitPolicy(records: records)
        #expect(policy.limits(.general, district: nil).signOff == nil)
        #expect(policy.limits(.general, district: nil).reportBack == nil)
        #expect(policy.limits(.general, district: nil).dispatchDown == 14_400)
        let planner = SLAPlanner(policy: policy)
        #expect(
            planner.timers(
                dispatchedTo: Self.township, unitKind: .township, tier: .general, district: nil, at: Self.start
            ).allSatisfy { $0.kind.step != .signOff })
        #expect(
            planner.change(
                after: Self.handled(.dispatchDown, community: Self.community), unit: Self.township, tier: .general,
                district: nil, at: Self.start
            ).add.isEmpty)
    }
}
