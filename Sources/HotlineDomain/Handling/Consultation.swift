public import Foundation

/// A consultation (会商) the sub-center (or the center) held on a ticket: who took part, what
/// was decided, the lead unit (主责单位) and co-units named, and for a complex (C) ticket the
/// finish time limit it set, which the SLA timer follows from then on.
public struct Consultation: Sendable, Equatable {
    /// The unit that held it (the sub-center's code, or the center's).
    public var heldBy: String
    /// Who took part: units or people, as the sub-center wrote them.
    public var participants: [String]
    /// The decision, as recorded (masked like every event's free text).
    public var decision: String
    public var leadUnit: String
    public var coUnits: [String]
    /// The finish limit it set, for a complex ticket; nil for other tiers, whose limit is policy.
    public var finishBy: Date?

    public init(
        heldBy: String, participants: [String], decision: String, leadUnit: String, coUnits: [String],
        finishBy: Date?
    ) {
        self.heldBy = heldBy
        self.participants = participants
        self.decision = decision
        self.leadUnit = leadUnit
        self.coUnits = coUnits
        self.finishBy = finishBy
    }
}
