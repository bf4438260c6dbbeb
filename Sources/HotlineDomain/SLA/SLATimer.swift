public import Foundation

/// A step whose deadline the SLA timer watches.
public enum SLAStep: String, Codable, Sendable, CaseIterable {
    /// 签收: the unit signs for the ticket.
    case signFor = "sign_for"
    /// A handler is assigned.
    case assign
    /// The ticket is finished (resolved).
    case finish
    /// A complex ticket's weekly progress report.
    case progress
    /// A summoned department reports in (报到).
    case whistle
    /// The township's leader signs the ticket off (签批).
    case signOff = "sign_off"
    /// The township sends the signed-off ticket down (双派单).
    case dispatchDown = "dispatch_down"
    /// The community the ticket was sent down to reports back.
    case reportBack = "report_back"

    /// The township's own steps: their overdue is a signal to the township or community, not
    /// the ticket's overdue (no supervision, no escalation, nothing in the assessment).
    public static let townshipSteps: Set<SLAStep> = [.signOff, .dispatchDown, .reportBack]
}

/// What a durable timer does when it comes due.
public enum SLATimerKind: Hashable, Sendable {
    /// Warns that `step`'s deadline is near.
    case reminder(SLAStep)
    /// `step`'s deadline: fires `overdue` if the step is not done.
    case deadline(SLAStep)
    /// A 一三五七 checkpoint, `day` days after dispatch.
    case checkpoint(day: Int)
    /// A summoned department's deadline to report in.
    case whistle(department: String)
    /// An overdue ticket still open after the district's supervision: the center takes over.
    case escalation
    /// A township's ticket still unresolved this long after dispatch goes on its leadership
    /// meeting's agenda.
    case meeting

    /// The text form stored in `sla_timers.kind`: `reminder:finish`, `deadline:sign_for`,
    /// `checkpoint:3`, `whistle:<unit>`, `escalation`, `meeting`.
    public var code: String {
        switch self {
        case .reminder(let step): "reminder:\(step.rawValue)"
        case .deadline(let step): "deadline:\(step.rawValue)"
        case .checkpoint(let day): "checkpoint:\(day)"
        case .whistle(let department): "whistle:\(department)"
        case .escalation: "escalation"
        case .meeting: "meeting"
        }
    }

    public init?(code: String) {
        let parts = code.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count) {
        case ("escalation", 1): self = .escalation
        case ("meeting", 1): self = .meeting
        case ("reminder", 2): guard let step = SLAStep(rawValue: parts[1]) else { return nil }; self = .reminder(step)
        case ("deadline", 2): guard let step = SLAStep(rawValue: parts[1]) else { return nil }; self = .deadline(step)
        case ("checkpoint", 2): guard let day = Int(parts[1]) else { return nil }; self = .checkpoint(day: day)
        case ("whistle", 2): self = .whistle(department: parts[1])
        default: return nil
        }
    }

    /// The step the timer watches, if any.
    public var step: SLAStep? {
        switch self {
        case .reminder(let step), .deadline(let step): step
        case .whistle: .whistle
        case .checkpoint, .escalation, .meeting: nil
        }
    }
}

/// A timer to store: what, when, and against which unit.
public struct PlannedTimer: Sendable, Equatable {
    public var kind: SLATimerKind
    public var dueAt: Date
    public var unitCode: String

    public init(kind: SLATimerKind, dueAt: Date, unitCode: String) {
        self.kind = kind
        self.dueAt = dueAt
        self.unitCode = unitCode
    }
}

/// What the SLA timer knows of a ticket when a timer comes due, read in the transaction that
/// fires it.
public struct TicketFacts: Sendable, Equatable {
    public var state: TicketState
    public var unitCode: String?
    public var signed: Bool
    public var assigned: Bool
    public var districtCode: String?
    /// For whistle timers: whether the summoned department has reported in.
    public var reportedIn: Bool
    /// The township's own steps: signed off (签批), sent down (双派单) to `communityCode`, and
    /// that community's report back.
    public var signedOff: Bool
    public var dispatchedDown: Bool
    public var reportedBack: Bool
    public var communityCode: String?

    public init(
        state: TicketState, unitCode: String?, signed: Bool, assigned: Bool, districtCode: String?,
        reportedIn: Bool = false, signedOff: Bool = false, dispatchedDown: Bool = false, reportedBack: Bool = false,
        communityCode: String? = nil
    ) {
        self.state = state
        self.unitCode = unitCode
        self.signed = signed
        self.assigned = assigned
        self.districtCode = districtCode
        self.reportedIn = reportedIn
        self.signedOff = signedOff
        self.dispatchedDown = dispatchedDown
        self.reportedBack = reportedBack
        self.communityCode = communityCode
    }
}
