/// Where a unit's request not to count a ticket in its assessment (不计入考核) stands.
public enum ExclusionState: String, Codable, Sendable, CaseIterable {
    /// The unit asked; the center has not decided yet.
    case requested
    /// The center agreed: the ticket does not count.
    case approved
    /// The center refused: the ticket counts.
    case refused
}
