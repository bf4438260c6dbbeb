public import Foundation
public import HotlineDomain

/// Why a ticket use case refused a request. The gateway answers each with its problem document.
public enum TicketError: Error, Sendable, Equatable {
    /// The request cannot be accepted: a summary, and each field at fault.
    case invalid(detail: String, findings: [FieldFinding])
    /// No such ticket, or none the caller may see.
    case notFound(UUID)
    /// The ticket's state does not allow `action` (named as the caller would say it).
    case illegalTransition(UUID, state: TicketState, action: String)
    /// An `Idempotency-Key` that is empty or longer than `maximumLength`.
    case invalidIdempotencyKey(maximumLength: Int)
    /// An `Idempotency-Key` used before with a different body.
    case idempotencyKeyReused
    /// A handler asked for another unit's work queue (or leadership-meeting agenda).
    case notYourQueue
    /// A caller that does not supervise (a township, department or enterprise) asked for the
    /// supervision list.
    case notSupervisor
    /// A caller asked for (or tried to mark) the inbox of a unit outside its scope.
    case notYourInbox
    /// A caller that reads no period report (an operator, a department, an enterprise, a
    /// community, an external system) asked for one.
    case notReportReader
    /// A query parameter whose value is well-formed but cannot be served: which, and what it must be.
    case invalidQuery(parameter: String, expected: String)
    /// No org unit has this code.
    case noSuchUnit(String)
    /// A handling action refused by `HandlingRules` (or its request's findings).
    case handlingRefused(UUID, HandlingAction, HandlingRefusal)
    /// No such group case, or none the caller may see.
    case noSuchGroupCase(UUID)
    /// The caller may read the group case but not resolve it (an analyst).
    case notYourGroupCase
    /// The caller reads no governance tasks, or may not do what it asked with them (screen the
    /// year, adopt a task, report a task's progress): what it tried.
    case notGovernanceActor(String)
    /// No such governance task, or none the caller may see.
    case noSuchGovernanceTask(UUID)

    /// `findings` as an `invalid` error, its summary listing each finding.
    public static func invalid(_ findings: [FieldFinding]) -> TicketError {
        .invalid(detail: findings.map { "\($0.field): \($0.detail)" }.joined(separator: "; "), findings: findings)
    }
}
