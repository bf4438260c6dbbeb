import Foundation
import HotlineDomain
import Testing

/// The leadership meeting's timer (townships only, days from policy), the meeting decision's
/// rule, and the supervision list's next step.
@Suite("Leadership meeting and supervision")
struct MeetingAndSupervisionTests {
    static let start = Date(timeIntervalSince1970: 1_796_083_200)
    static let township = "110105026"

    static func meetingTimers(_ kind: OrgUnit.Kind?, policy: TimeLimitPolicy = .beijing) -> [PlannedTimer] {
        SLAPlanner(policy: policy).timers(
            dispatchedTo: township, unitKind: kind, tier: .general, district: "110105", at: start
        ).filter { $0.kind == .meeting }
    }

    @Test("a dispatch to a township plans the meeting 3 days on; other units get none")
    func meetingOnlyForTownships() {
        #expect(
            Self.meetingTimers(.township) == [
                PlannedTimer(kind: .meeting, dueAt: Self.start + 3 * 86_400, unitCode: Self.township)
            ])
        for kind in [OrgUnit.Kind.department, .enterprise, .subCenter, .center] {
            #expect(Self.meetingTimers(kind).isEmpty, "\(kind)")
        }
        #expect(Self.meetingTimers(nil).isEmpty)
    }

    @Test("the meeting's days come from the policy data, per tier and district; empty means no meeting")
    func meetingDaysFromPolicy() throws {
        let header =
            "district_code,tier,sign_for_minutes,assign_minutes,finish_minutes,reminder_percent,checkpoint_days,progress_days,escalate_center_hours,meeting_days"
        let policy = try TimeLimitPolicy(
            csv: CSVTable(
                parsing: [
                    header, ",G,120,120,10080,80,1|3|5|7,,24,3", "110105,G,120,120,10080,80,1|3|5|7,,24,2",
                    "110101,G,120,120,10080,80,1|3|5|7,,24,",
                ].joined(separator: "\n")))
        #expect(policy.limits(.general, district: nil).meetingAfter == TimeInterval(3 * 86_400))
        #expect(Self.meetingTimers(.township, policy: policy).map(\.dueAt) == [Self.start + 2 * 86_400])
        #expect(policy.limits(.general, district: "110101").meetingAfter == nil)
        #expect(try TimeLimitPolicy(records: policy.records) == policy)
        #expect(SLATimerKind(code: SLATimerKind.meeting.code) == .meeting)
    }

    @Test("the meeting timer fires only while the township still holds the ticket unresolved")
    func meetingStillApplies() {
        let planner = SLAPlanner(policy: .beijing)
        let timer = PlannedTimer(kind: .meeting, dueAt: Self.start, unitCode: Self.township)
        func facts(_ state: TicketState, unit: String = Self.township) -> TicketFacts {
            TicketFacts(state: state, unitCode: unit, signed: true, assigned: true, districtCode: "110105")
        }
        #expect(planner.stillApplies(timer, to: facts(.inProgress)))
        #expect(planner.stillApplies(timer, to: facts(.handedUp)))
        #expect(!planner.stillApplies(timer, to: facts(.resolved)))
        #expect(!planner.stillApplies(timer, to: facts(.closed)))
        #expect(!planner.stillApplies(timer, to: facts(.inProgress, unit: "110105023")))
        let firing = planner.firing(timer, tier: .general, district: "110105", at: Self.start)
        #expect(firing.event == .meeting && firing.putsOnMeetingAgenda && firing.supervision == nil)
    }

    static let lead = Principal(tokenId: UUID(), name: "street", role: .handler, unitCode: township)
    static let decisionRequest = HandlingRequest(
        person: "Zhang Wei", note: "repair crew on Monday; call 13812345678 back", deadline: start + 86_400)

    static func ticket(onAgenda: Bool, state: TicketState = .inProgress) -> HandlingTicket {
        HandlingTicket(
            state: state, unitCode: township, districtCode: "110105", urgency: .general,
            callerName: "王小明", onOpenMeetingAgenda: onAgenda)
    }

    static func decide(
        _ ticket: HandlingTicket, by actor: Principal = Self.lead, _ request: HandlingRequest = Self.decisionRequest
    ) throws(HandlingRefusal) -> HandlingDecision {
        try HandlingRules.decide(.meetingDecision, request, on: ticket, by: actor, unitKinds: [:], at: start)
    }

    @Test("the lead township records the decision on an agenda ticket; state unchanged, measure masked")
    func decisionRecorded() throws {
        let decision = try Self.decide(Self.ticket(onAgenda: true))
        #expect(decision.state == .inProgress)
        #expect(decision.meetingDecision?.owner == "Zhang Wei")
        #expect(decision.meetingDecision?.targetDate == Self.start + 86_400)
        #expect(decision.meetingDecision?.unitCode == Self.township)
        #expect(decision.meetingDecision?.measure.contains("13812345678") == false)
        #expect(decision.handled.action == .meetingDecision && decision.handled.deadline == Self.start + 86_400)
        #expect(decision.handled.person == "Zhang Wei")
    }

    @Test("a decision is refused off the agenda, after resolution, to other units and without its fields")
    func decisionRefused() {
        func refusal(
            _ ticket: HandlingTicket, by actor: Principal = Self.lead, _ request: HandlingRequest = Self.decisionRequest
        )
            -> HandlingRefusal?
        {
            do throws(HandlingRefusal) {
                _ = try Self.decide(ticket, by: actor, request)
                return nil
            } catch { return error }
        }
        #expect(refusal(Self.ticket(onAgenda: false)) == .notOnMeetingAgenda)
        #expect(refusal(Self.ticket(onAgenda: true, state: .resolved)) == .illegalTransition(from: .resolved))
        let neighbour = Principal(tokenId: UUID(), name: "n", role: .handler, unitCode: "110105001")
        #expect(refusal(Self.ticket(onAgenda: true), by: neighbour) == .outOfScope)
        #expect(Self.decisionRequest.findings(for: .meetingDecision, now: Self.start).isEmpty)
        #expect(
            HandlingRequest(note: "x", deadline: Self.start - 1).findings(for: .meetingDecision, now: Self.start).map(
                \.field) == ["person", "deadline"])
    }

    @Test("a meeting decision moves no timer and tells no unit")
    func decisionQuiet() throws {
        let handled = try Self.decide(Self.ticket(onAgenda: true)).handled
        let change = SLAPlanner(policy: .beijing).change(
            after: handled, unit: Self.township, tier: .general, district: "110105", at: Self.start)
        #expect(change == SLAPlanner.TimerChange())
        #expect(InboxRule.notices(for: handled).isEmpty)
    }

    @Test("next step: the sub-center's supervision until the center takes over; the center is the last level")
    func nextStep() {
        let now = Self.start
        #expect(
            SupervisionNextStep(level: .subCenter, centerEscalationAt: now + 600, now: now)
                == .centerTakesOver(at: now + 600))
        #expect(
            SupervisionNextStep(level: .subCenter, centerEscalationAt: now - 1, now: now)
                == .centerTakeoverDue(since: now - 1))
        #expect(SupervisionNextStep(level: .subCenter, centerEscalationAt: nil, now: now) == .subCenterSupervises)
        #expect(SupervisionNextStep(level: .center, centerEscalationAt: now + 600, now: now) == .centerSupervises)
        #expect(SupervisionNextStep.centerTakesOver(at: now).code == "center_takes_over")
        #expect(SupervisionNextStep.centerSupervises.at == nil)
    }

    @Test("overdue seconds count from the first overdue step and never go negative")
    func overdueSeconds() {
        let ticket = SupervisedTicket(
            id: UUID(), number: "N", categoryCode: nil, urgency: .general, state: .inProgress, unitCode: Self.township,
            districtCode: "110105", level: .subCenter, supervisingUnitCode: "110105", overdueAt: Self.start,
            lateSteps: [.finish], centerEscalationAt: Self.start + 86_400)
        #expect(ticket.overdueSeconds(at: Self.start + 90.7) == 90)
        #expect(ticket.overdueSeconds(at: Self.start - 5) == 0)
        #expect(ticket.nextStep(at: Self.start + 60) == .centerTakesOver(at: Self.start + 86_400))
    }

    @Test("only the levels that supervise read the supervision list")
    func supervisionAccess() {
        func handler(_ unit: String, _ kind: OrgUnit.Kind) -> Principal {
            Principal(
                tokenId: UUID(), name: unit, role: .handler, unitCode: unit, unitKind: kind, districtCode: "110105")
        }
        #expect(handler(OrgUnitCode.center, .center).mayReadSupervision)
        #expect(handler("110105", .subCenter).mayReadSupervision)
        #expect(Principal(tokenId: UUID(), name: "a", role: .analyst, unitCode: nil).mayReadSupervision)
        #expect(!handler(Self.township, .township).mayReadSupervision)
        #expect(!handler("110105:department:housing", .department).mayReadSupervision)
    }
}
