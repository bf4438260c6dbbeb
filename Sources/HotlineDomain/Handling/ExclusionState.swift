/// Where a unit's request to the center stands: not to count a ticket in its assessment
/// (不计入考核), or to have it recognised as an unreasonable request (不合理诉求).
public enum ExclusionState: String, Codable, Sendable, CaseIterable {
    /// The unit asked; the center has not decided yet.
    case requested
    /// The center agreed: the ticket does not count.
    case approved
    /// The center refused: the ticket counts.
    case refused
}
