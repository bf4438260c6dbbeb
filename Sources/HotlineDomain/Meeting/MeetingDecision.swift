public import Foundation

/// What a township's leadership meeting decided on a ticket of its agenda: who owns it, the
/// measure taken, and the new date by which it must be settled.
public struct MeetingDecision: Sendable, Equatable {
    /// The unit whose meeting decided (the ticket's lead unit).
    public var unitCode: String
    /// The person who now owns the ticket.
    public var owner: String
    /// What the meeting decided to do.
    public var measure: String
    /// The new target date.
    public var targetDate: Date
    /// Who recorded the decision.
    public var decidedBy: String

    public init(unitCode: String, owner: String, measure: String, targetDate: Date, decidedBy: String) {
        self.unitCode = unitCode
        self.owner = owner
        self.measure = measure
        self.targetDate = targetDate
        self.decidedBy = decidedBy
    }
}
