public import Logging
public import PostgresNIO

/// The names the catalog gives its entries and the organisation its units, for the notes and
/// lists of the governance scans.
public enum CatalogNames {
    /// The names of the entries `codes` (any level) by code; unknown codes are absent.
    public static func of(
        _ codes: [String], on connection: PostgresConnection, logger: Logger
    ) async throws -> [String: String] {
        try await names(
            connection.query(
                "SELECT code, name FROM catalog_entries WHERE code = ANY(\(codes)::text[])", logger: logger))
    }

    /// The names of the org units `codes` by code; unknown codes are absent.
    public static func units(
        _ codes: [String], on connection: PostgresConnection, logger: Logger
    ) async throws -> [String: String] {
        try await names(
            connection.query("SELECT code, name FROM org_units WHERE code = ANY(\(codes)::text[])", logger: logger))
    }

    private static func names(_ rows: PostgresRowSequence) async throws -> [String: String] {
        var names: [String: String] = [:]
        for try await (code, name) in rows.decode((String, String).self) { names[code] = name }
        return names
    }
}
