public import Logging
public import PostgresNIO

/// The names the catalog gives its entries, for the notes and lists of the governance scans.
public enum CatalogNames {
    /// The names of the entries `codes` (any level) by code; unknown codes are absent.
    public static func of(
        _ codes: [String], on connection: PostgresConnection, logger: Logger
    ) async throws -> [String: String] {
        let rows = try await connection.query(
            "SELECT code, name FROM catalog_entries WHERE code = ANY(\(codes)::text[])", logger: logger)
        var names: [String: String] = [:]
        for try await (code, name) in rows.decode((String, String).self) { names[code] = name }
        return names
    }
}
