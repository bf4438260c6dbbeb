public import Foundation

/// One inbox item to write for `unitCode`, decided by `InboxRule` from the event that causes
/// it; the event's id, ticket and time complete it.
public struct InboxNotice: Sendable, Equatable {
    public var unitCode: String
    public var kind: InboxKind
    /// When the unit must have acted, where a time applies (a deadline, a checkpoint, a report-in).
    public var dueAt: Date?
    /// A short line for the unit, without the caller's personal data.
    public var note: String?

    public init(unitCode: String, kind: InboxKind, dueAt: Date? = nil, note: String? = nil) {
        self.unitCode = unitCode
        self.kind = kind
        self.dueAt = dueAt
        self.note = note
    }
}
