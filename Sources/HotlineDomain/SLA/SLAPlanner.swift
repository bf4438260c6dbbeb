public import Foundation

/// The pure rules of the SLA timer: which timers a dispatch or a handling action sets or
/// cancels, whether a due timer still applies, and what firing it means.
public struct SLAPlanner: Sendable {
    public let policy: TimeLimitPolicy

    public init(policy: TimeLimitPolicy) {
        self.policy = policy
    }

    /// The deadlines shown with a dispatched ticket.
    public struct Deadlines: Sendable, Equatable {
        public var signForBy: Date
        public var assignBy: Date
        /// Nil for complex tickets until a hand-up deadline sets it.
        public var finishBy: Date?
    }

    /// The deadlines of a ticket dispatched at `dispatchedAt`; `setFinish` (a consultation's
    /// finish limit for a complex ticket) replaces the tier's.
    public func deadlines(
        tier: UrgencyTier, district: String?, dispatchedAt: Date, setFinish: Date? = nil
    )
        -> Deadlines
    {
        let limits = policy.limits(tier, district: district)
        return Deadlines(
            signForBy: dispatchedAt.addingTimeInterval(limits.signFor),
            assignBy: dispatchedAt.addingTimeInterval(limits.assign),
            finishBy: setFinish ?? limits.finish.map { dispatchedAt.addingTimeInterval($0) })
    }

    /// Every timer of a ticket dispatched (or re-dispatched, or reopened) at `time` to `unit`, of
    /// kind `unitKind` (nil when the unit is unknown); they replace all its earlier timers. A
    /// township also gets the leadership meeting's timer, when the policy sets one; `setFinish`
    /// (a consultation's finish limit for a complex ticket) replaces the tier's finish limit.
    public func timers(
        dispatchedTo unit: String, unitKind: OrgUnit.Kind?, tier: UrgencyTier, district: String?, at time: Date,
        setFinish: Date? = nil
    ) -> [PlannedTimer] {
        let limits = policy.limits(tier, district: district)
        var timers: [PlannedTimer] = []
        func step(_ step: SLAStep, within interval: TimeInterval) {
            timers += stepTimers(step, within: interval, from: time, unit: unit, limits: limits)
        }
        step(.signFor, within: limits.signFor)
        step(.assign, within: limits.assign)
        if let finish = setFinish.map({ max($0.timeIntervalSince(time), 0) }) ?? limits.finish {
            step(.finish, within: finish)
        }
        if let every = limits.progressEvery {
            timers.append(
                PlannedTimer(kind: .deadline(.progress), dueAt: time.addingTimeInterval(every), unitCode: unit))
        }
        for day in limits.checkpointDays {
            timers.append(
                PlannedTimer(
                    kind: .checkpoint(day: day), dueAt: time.addingTimeInterval(Double(day) * 86_400), unitCode: unit))
        }
        if unitKind == .township, let meetingAfter = limits.meetingAfter {
            timers.append(PlannedTimer(kind: .meeting, dueAt: time.addingTimeInterval(meetingAfter), unitCode: unit))
        }
        if unitKind == .township, let signOff = limits.signOff {
            step(.signOff, within: signOff)
        }
        return timers
    }

    /// A step's reminder (at the policy's fraction of `interval`) and deadline, against `unit`.
    private func stepTimers(
        _ step: SLAStep, within interval: TimeInterval, from time: Date, unit: String, limits: TierLimits
    ) -> [PlannedTimer] {
        [
            PlannedTimer(
                kind: .reminder(step), dueAt: time.addingTimeInterval(interval * limits.reminderFraction),
                unitCode: unit),
            PlannedTimer(kind: .deadline(step), dueAt: time.addingTimeInterval(interval), unitCode: unit),
        ]
    }

    /// What a handling action does to a ticket's timers.
    public struct TimerChange: Sendable, Equatable {
        /// Cancel every pending timer of the ticket (it was resolved or sent back).
        public var cancelAll = false
        public var cancel: [SLATimerKind] = []
        public var add: [PlannedTimer] = []

        public init(cancelAll: Bool = false, cancel: [SLATimerKind] = [], add: [PlannedTimer] = []) {
            self.cancelAll = cancelAll
            self.cancel = cancel
            self.add = add
        }
    }

    /// What the action `handled` records changes. Re-dispatch and reopening are not here: they
    /// arrive as `ticket.dispatched`, which replaces every timer (`timers(dispatchedTo:...)`).
    public func change(
        after handled: TicketHandled, unit: String, tier: UrgencyTier, district: String?, at time: Date
    ) -> TimerChange {
        let limits = policy.limits(tier, district: district)
        let departments = handled.departments ?? []
        let deadline = handled.deadline
        switch handled.action {
        case .signFor:
            return TimerChange(cancel: [.reminder(.signFor), .deadline(.signFor)])
        case .assign:
            return TimerChange(cancel: [.reminder(.assign), .deadline(.assign)])
        case .signOff:
            return TimerChange(
                cancel: [.reminder(.signOff), .deadline(.signOff)],
                add: limits.dispatchDown.map {
                    stepTimers(.dispatchDown, within: $0, from: time, unit: unit, limits: limits)
                } ?? [])
        case .dispatchDown:
            // A double dispatch names the responsible leader: the ticket is assigned. The community
            // it goes down to has its own time to report back.
            let community = handled.communityCode ?? unit
            return TimerChange(
                cancel: [
                    .reminder(.assign), .deadline(.assign), .reminder(.dispatchDown), .deadline(.dispatchDown),
                    .reminder(.reportBack), .deadline(.reportBack),
                ],
                add: limits.reportBack.map {
                    stepTimers(.reportBack, within: $0, from: time, unit: community, limits: limits)
                } ?? [])
        case .whistle:
            guard let deadline else { return TimerChange() }
            return TimerChange(
                add: departments.map { PlannedTimer(kind: .whistle(department: $0), dueAt: deadline, unitCode: $0) })
        case .reportIn:
            return TimerChange(cancel: departments.map { .whistle(department: $0) })
        case .addProgress:
            let reportBack: [SLATimerKind] =
                handled.actorRole == .gridWorker ? [.reminder(.reportBack), .deadline(.reportBack)] : []
            guard let every = limits.progressEvery else { return TimerChange(cancel: reportBack) }
            return TimerChange(
                cancel: [.deadline(.progress)] + reportBack,
                add: [PlannedTimer(kind: .deadline(.progress), dueAt: time.addingTimeInterval(every), unitCode: unit)])
        case .handUp:
            guard let deadline else { return TimerChange() }
            let interval = max(deadline.timeIntervalSince(time), 0)
            return TimerChange(
                cancel: [.reminder(.finish), .deadline(.finish)],
                add: [
                    PlannedTimer(
                        kind: .reminder(.finish), dueAt: time.addingTimeInterval(interval * limits.reminderFraction),
                        unitCode: unit),
                    PlannedTimer(kind: .deadline(.finish), dueAt: deadline, unitCode: unit),
                ])
        case .resolve:
            return TimerChange(cancelAll: true)
        case .decideSendBack:
            // An agreed send-back takes the ticket from the unit; a refused one leaves its clock running.
            return handled.approved == true ? TimerChange(cancelAll: true) : TimerChange()
        case .sendBack, .redispatch, .consult, .reopen, .handDown, .recordPanelOutcome, .callHelpers, .markUnreasonable,
            .decideUnreasonable,
            .requestExclusion, .decideExclusion, .acceptHandUp, .returnHandUp, .returnVisit,
            .meetingDecision:
            return TimerChange()
        }
    }

    /// Whether a due timer still applies to the ticket as it is now; a timer whose step is done
    /// (or whose ticket moved on) is cancelled instead of fired.
    public func stillApplies(_ timer: PlannedTimer, to ticket: TicketFacts?) -> Bool {
        guard let ticket, ticket.state.isOpenForHandling else { return false }
        switch timer.kind {
        case .reminder(.signFor), .deadline(.signFor):
            return ticket.state == .dispatched && !ticket.signed && ticket.unitCode == timer.unitCode
        case .reminder(.assign), .deadline(.assign):
            return !ticket.assigned && ticket.unitCode == timer.unitCode
        case .whistle:
            return !ticket.reportedIn
        case .reminder(.signOff), .deadline(.signOff):
            return !ticket.signedOff && ticket.unitCode == timer.unitCode
        case .reminder(.dispatchDown), .deadline(.dispatchDown):
            return !ticket.dispatchedDown && ticket.unitCode == timer.unitCode
        case .reminder(.reportBack), .deadline(.reportBack):
            return !ticket.reportedBack && ticket.communityCode == timer.unitCode
        case .reminder, .deadline, .checkpoint, .meeting:
            return ticket.unitCode == timer.unitCode
        case .escalation:
            return true
        }
    }

    /// What firing a timer means.
    public struct Firing: Sendable, Equatable {
        public var event: SLAEventKind
        /// The supervision an overdue ticket comes under.
        public var supervision: Supervision?
        /// Timers that follow (the center's escalation after an overdue deadline).
        public var followUps: [PlannedTimer]

        /// Whether the ticket goes on its unit's leadership meeting's agenda.
        public var putsOnMeetingAgenda: Bool { event == .meeting }
    }

    public func firing(_ timer: PlannedTimer, tier: UrgencyTier, district: String?, at time: Date) -> Firing {
        switch timer.kind {
        case .reminder: return Firing(event: .reminder, supervision: nil, followUps: [])
        case .checkpoint: return Firing(event: .checkpoint, supervision: nil, followUps: [])
        case .meeting: return Firing(event: .meeting, supervision: nil, followUps: [])
        case .whistle: return Firing(event: .overdue, supervision: nil, followUps: [])
        case .escalation:
            return Firing(
                event: .escalated, supervision: Supervision(level: .center, unitCode: OrgUnitCode.center), followUps: []
            )
        case .deadline(let step) where SLAStep.townshipSteps.contains(step):
            return Firing(event: .overdue, supervision: nil, followUps: [])
        case .deadline:
            let limits = policy.limits(tier, district: district)
            let subCenter = district.map(OrgUnitCode.subCenter(of:))
            guard let subCenter, subCenter != timer.unitCode else {
                return Firing(
                    event: .overdue, supervision: Supervision(level: .center, unitCode: OrgUnitCode.center),
                    followUps: [])
            }
            return Firing(
                event: .overdue, supervision: Supervision(level: .subCenter, unitCode: subCenter),
                followUps: [
                    PlannedTimer(
                        kind: .escalation, dueAt: time.addingTimeInterval(limits.centerEscalationAfter),
                        unitCode: timer.unitCode)
                ])
        }
    }

    /// What is expected at a checkpoint day (一三五七).
    public static func checkpointDuty(day: Int) -> String {
        switch day {
        case 1: "day 1: accept the ticket and contact the caller"
        case 3: "day 3: settle the matter; a ticket still unresolved goes to the township's leadership meeting"
        case 5: "day 5: check back with the caller"
        case 7: "day 7: nothing may remain unresolved"
        default: "day \(day): checkpoint"
        }
    }
}

/// The kinds of event the SLA timer publishes.
public enum SLAEventKind: String, Codable, Sendable {
    case reminder, checkpoint, overdue, escalated
    /// A township's ticket still unsolved is put on its leadership meeting's agenda.
    case meeting
}

/// Who supervises (督办) an overdue ticket.
public enum SupervisionLevel: String, Codable, Sendable, CaseIterable {
    case subCenter = "sub_center"
    case center
}

/// The supervision an overdue ticket is under: its level and the supervising unit.
public struct Supervision: Sendable, Equatable {
    public var level: SupervisionLevel
    public var unitCode: String

    public init(level: SupervisionLevel, unitCode: String) {
        self.level = level
        self.unitCode = unitCode
    }
}
