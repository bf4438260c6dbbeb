public import Foundation
public import HotlineDomain

/// Where the use cases record each unmasked read of a caller's personal data. Recording never
/// waits for the database: the trail writes in batches (`AuditTrailWriter`). The trail stamps
/// each read with its own clock: the wall clock, even when tickets follow a simulated one.
public protocol AuditTrail: Sendable {
    /// Records that `principal` read ticket `ticketId` whole through `purpose` (the route); the
    /// entry reaches PostgreSQL within a batch interval, and before the process ends on SIGTERM.
    func record(_ principal: Principal, read ticketId: UUID, purpose: String)
}
