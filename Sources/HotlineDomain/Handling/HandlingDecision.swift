public import Foundation

/// What a handling action does to a ticket, decided by `HandlingRules.decide`: the new state
/// and lead unit, the columns that change, the whistle side effects, and the events to record.
public struct HandlingDecision: Sendable, Equatable {
    /// Departments summoned by a whistle, by whom and until when.
    public struct Summons: Sendable, Equatable {
        public var departments: [String]
        public var summonedBy: String
        public var deadline: Date

        public init(departments: [String], summonedBy: String, deadline: Date) {
            self.departments = departments
            self.summonedBy = summonedBy
            self.deadline = deadline
        }
    }

    public var state: TicketState
    /// The lead unit after the action.
    public var unitCode: String?
    public var changes: HandlingChanges
    /// Set by a whistle.
    public var summons: Summons?
    /// Set by a report-in: the department that reported.
    public var reportingDepartment: String?
    /// Set by a meeting decision: what the lead unit's leadership meeting decided.
    public var meetingDecision: MeetingDecision?
    /// Set by a consultation (会商): its record.
    public var consultation: Consultation?
    /// The `ticket.handled` event.
    public var handled: TicketHandled
    /// The `ticket.dispatched` event, for a re-dispatch or a reopening.
    public var dispatched: TicketDispatched? { changes.dispatch }
}
