public import Foundation

/// `sla.timer_fired`: a durable timer came due while its step was still open: a reminder
/// before a deadline, a 一三五七 checkpoint, an overdue step (the ticket's, or a summoned
/// department's report-in), or the center taking over supervision.
public struct SLATimerFired: EventPayload, Equatable {
    public static let eventType = EventType.slaTimerFired
    public static let schemaVersion = 1

    public var kind: SLAEventKind
    /// The timer, as stored: `reminder:finish`, `deadline:sign_for`, `checkpoint:3`, `whistle:<unit>`, `escalation`.
    public var timer: String
    /// The step watched, when there is one.
    public var step: SLAStep?
    /// The unit the event is against (the lead unit, or the summoned department).
    public var unitCode: String
    public var dueAt: Date
    /// For checkpoints: the day and what is expected then.
    public var day: Int?
    public var duty: String?
    /// For overdue and escalated events: who now supervises the ticket.
    public var supervisionLevel: SupervisionLevel?
    public var supervisingUnitCode: String?

    public init(
        kind: SLAEventKind, timer: String, step: SLAStep?, unitCode: String, dueAt: Date, day: Int? = nil,
        duty: String? = nil,
        supervisionLevel: SupervisionLevel? = nil, supervisingUnitCode: String? = nil
    ) {
        self.kind = kind
        self.timer = timer
        self.step = step
        self.unitCode = unitCode
        self.dueAt = dueAt
        self.day = day
        self.duty = duty
        self.supervisionLevel = supervisionLevel
        self.supervisingUnitCode = supervisingUnitCode
    }

    enum CodingKeys: String, CodingKey {
        case kind, timer, step, day, duty
        case unitCode = "unit_code"
        case dueAt = "due_at"
        case supervisionLevel = "supervision_level"
        case supervisingUnitCode = "supervising_unit_code"
    }
}
