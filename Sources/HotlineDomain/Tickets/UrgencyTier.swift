/// The urgency tier that sets a ticket's time limits.
public enum UrgencyTier: String, Codable, Sendable, CaseIterable {
    /// 突发事故类: danger to life or property.
    case emergency = "E"
    /// 生活保障类: water, power, gas, heating repairs.
    case livelihood = "L"
    /// 其他事项类: everything else.
    case general = "G"
    /// 复杂疑难类: long-standing problems needing several units.
    case complex = "C"
}
