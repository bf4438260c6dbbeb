/// Placeholder replaced by the full mask.
public enum PersonalDataMask {
    public static func name(_ name: String) -> String { String(name.prefix(1)) + "**" }
    public static func phone(_ phone: String) -> String { "****" + String(phone.suffix(4)) }
    public static func text(_ text: String, callerName: String?) -> String { text }
    public static func json(_ value: JSONValue, callerName: String?) -> JSONValue { value }
}
