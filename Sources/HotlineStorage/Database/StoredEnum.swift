/// Reads a column that holds one of an enumeration's raw values. A value the enumeration does
/// not know is an error (a row written by a newer version, or a broken one), never a default.
extension RawRepresentable where RawValue == String {
    /// The case `raw` names, or a `PostgresStoreError` naming the column.
    static func stored(_ raw: String, column: String) throws -> Self {
        guard let value = Self(rawValue: raw) else {
            throw PostgresStoreError(message: "column \(column) holds an unknown value '\(raw.prefix(40))'")
        }
        return value
    }

    /// The case `raw` names (nil stays nil), or a `PostgresStoreError` naming the column.
    static func stored(_ raw: String?, column: String) throws -> Self? {
        try raw.map { try stored($0, column: column) }
    }
}
