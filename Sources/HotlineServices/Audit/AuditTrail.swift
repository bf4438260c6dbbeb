public import HotlineDomain

/// Where the use cases record each unmasked read of a caller's personal data. Recording never
/// waits for the database: the trail writes in batches (`AuditTrailWriter`).
public protocol AuditTrail: Sendable {
    /// Records `entry`; it reaches PostgreSQL within a batch interval, and before the process
    /// ends on SIGTERM.
    func record(_ entry: AuditEntry)
}
