public import Foundation

/// What comes next for a supervised ticket under the escalation policy (the district's
/// sub-center supervises first; after the policy's interval, still open, the center takes over).
public enum SupervisionNextStep: Sendable, Equatable {
    /// The sub-center supervises; the center takes over at this time unless the ticket is
    /// finished first.
    case centerTakesOver(at: Date)
    /// The center's take-over came due at this time and is waiting for the SLA timer's next tick.
    case centerTakeoverDue(since: Date)
    /// The sub-center supervises and no take-over is planned (the policy sets none pending).
    case subCenterSupervises
    /// The center supervises: there is no level above; the unit must finish the ticket.
    case centerSupervises

    /// The next step for a ticket supervised at `level` whose pending escalation timer (if any)
    /// is due at `centerEscalationAt`, at `now`.
    public init(level: SupervisionLevel, centerEscalationAt: Date?, now: Date) {
        switch (level, centerEscalationAt) {
        case (.center, _): self = .centerSupervises
        case (.subCenter, nil): self = .subCenterSupervises
        case (.subCenter, let at?): self = at > now ? .centerTakesOver(at: at) : .centerTakeoverDue(since: at)
        }
    }

    /// The step's code, as the API shows it.
    public var code: String {
        switch self {
        case .centerTakesOver: "center_takes_over"
        case .centerTakeoverDue: "center_takeover_due"
        case .subCenterSupervises: "sub_center_supervises"
        case .centerSupervises: "center_supervises"
        }
    }

    /// When the step happens (or became due), where a time applies.
    public var at: Date? {
        switch self {
        case .centerTakesOver(let at), .centerTakeoverDue(let at): at
        case .subCenterSupervises, .centerSupervises: nil
        }
    }
}
