public import Foundation

/// The time limits of each urgency tier: how soon a handler must be assigned and how soon the
/// ticket must be finished. Policy is data: a city or district may set its own values.
public struct TimeLimitPolicy: Sendable, Codable, Equatable {
    /// Seconds from dispatch until a handler must be assigned, per tier.
    public var assignWithin: [UrgencyTier: TimeInterval]
    /// Seconds from dispatch until the ticket must be finished, per tier; a tier without a value
    /// (complex tickets) gets its deadline at the consultation.
    public var finishWithin: [UrgencyTier: TimeInterval]

    public init(assignWithin: [UrgencyTier: TimeInterval], finishWithin: [UrgencyTier: TimeInterval]) {
        self.assignWithin = assignWithin
        self.finishWithin = finishWithin
    }

    /// Beijing's limits: E and L assigned in 15 minutes, others in 2 hours; E finished in 2
    /// hours, L in 24 hours, G in 7 days.
    public static let beijing = TimeLimitPolicy(
        assignWithin: [.emergency: 15 * 60, .livelihood: 15 * 60, .general: 2 * 3600, .complex: 2 * 3600],
        finishWithin: [.emergency: 2 * 3600, .livelihood: 24 * 3600, .general: 7 * 86400])

    /// The deadlines of a ticket of `tier` dispatched at `dispatchedAt`.
    public func deadlines(tier: UrgencyTier, dispatchedAt: Date) -> Deadlines {
        Deadlines(
            assignBy: dispatchedAt.addingTimeInterval(assignWithin[tier] ?? 2 * 3600),
            finishBy: finishWithin[tier].map { dispatchedAt.addingTimeInterval($0) })
    }
}

/// When a dispatched ticket's steps are due.
public struct Deadlines: Sendable, Equatable {
    public var assignBy: Date
    /// Nil for complex tickets until the consultation sets it.
    public var finishBy: Date?
}
