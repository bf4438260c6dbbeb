/// A value read from a column that this build cannot understand: a newer version wrote it, or
/// the row was edited by hand. Reading it as a default would silently change what the ticket
/// means, so the read fails instead.
public struct UnknownStoredValue: Error, CustomStringConvertible {
    /// The table and column, as `table.column`.
    public var column: String
    /// The value found.
    public var value: String

    public var description: String { "\(column) holds '\(value.prefix(40))', which this version does not know" }
}

/// Turns stored raw values into the domain's enumerations, strictly.
public enum StoredValue {
    /// The case of `type` whose raw value is `raw`, or an `UnknownStoredValue` error.
    public static func decode<Value: RawRepresentable>(
        _ type: Value.Type, _ raw: String, column: String
    ) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: raw) else { throw UnknownStoredValue(column: column, value: raw) }
        return value
    }
}
