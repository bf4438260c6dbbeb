public import Foundation

/// An overdue ticket under supervision (督办), as the supervision list shows it: what it is,
/// who leads it, who supervises it since when, which steps are late, and when the center takes
/// it over. Carries no caller data.
public struct SupervisedTicket: Sendable, Equatable {
    public var id: UUID
    public var number: String
    public var categoryCode: String?
    public var urgency: UrgencyTier
    public var state: TicketState
    public var unitCode: String?
    public var districtCode: String?
    public var level: SupervisionLevel
    public var supervisingUnitCode: String?
    /// When the first step went overdue.
    public var overdueAt: Date
    /// The steps whose deadline passed undone since the ticket's current dispatch, earliest first.
    public var lateSteps: [SLAStep]
    /// When the pending escalation timer hands supervision to the center; nil when none is pending.
    public var centerEscalationAt: Date?

    public init(
        id: UUID, number: String, categoryCode: String?, urgency: UrgencyTier, state: TicketState, unitCode: String?,
        districtCode: String?, level: SupervisionLevel, supervisingUnitCode: String?, overdueAt: Date,
        lateSteps: [SLAStep], centerEscalationAt: Date?
    ) {
        self.id = id
        self.number = number
        self.categoryCode = categoryCode
        self.urgency = urgency
        self.state = state
        self.unitCode = unitCode
        self.districtCode = districtCode
        self.level = level
        self.supervisingUnitCode = supervisingUnitCode
        self.overdueAt = overdueAt
        self.lateSteps = lateSteps
        self.centerEscalationAt = centerEscalationAt
    }

    /// Whole seconds the ticket has been overdue at `now` (never negative).
    public func overdueSeconds(at now: Date) -> Int {
        max(0, Int(now.timeIntervalSince(overdueAt).rounded(.down)))
    }

    /// What comes next under the escalation policy, at `now`.
    public func nextStep(at now: Date) -> SupervisionNextStep {
        SupervisionNextStep(level: level, centerEscalationAt: centerEscalationAt, now: now)
    }
}
