public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// The district and township outlines that locate a point (`place_boundaries`), replaced as a
/// whole by `hotline places load-boundaries`. Each row keeps its outline as the JSON of
/// `PlaceBoundary.polygons` (GeoJSON MultiPolygon coordinates).
public enum PlaceBoundaryStore {
    /// Replaces every outline with `boundaries`, loaded at `time`, in one transaction.
    public static func replaceAll(
        _ boundaries: [PlaceBoundary], at time: Date, on client: PostgresClient, logger: Logger
    ) async throws {
        let rows = String(decoding: try JSONEncoder().encode(boundaries), as: UTF8.self)
        try await client.transaction(logger: logger) { connection in
            // DELETE rather than TRUNCATE, whose lock would wait for every reader.
            try await connection.query("DELETE FROM place_boundaries", logger: logger)
            try await connection.query(
                """
                INSERT INTO place_boundaries (code, tier, polygons, loaded_at)
                SELECT b->>'code', b->>'tier', b->'polygons', \(time) FROM jsonb_array_elements(\(rows)::jsonb) AS b
                """, logger: logger)
        }
    }

    /// A text that changes whenever the outlines are replaced (their count and last load time),
    /// so a reader can keep its copy until it does.
    public static func version(on client: PostgresClient, logger: Logger) async throws -> String {
        let rows = try await client.query(
            "SELECT count(*)::text || '/' || COALESCE(max(loaded_at)::text, '') FROM place_boundaries",
            logger: logger)
        for try await version in rows.decode(String.self) { return version }
        return ""
    }

    /// Every outline, by code.
    public static func all(on client: PostgresClient, logger: Logger) async throws -> [PlaceBoundary] {
        let rows = try await client.query(
            """
            SELECT COALESCE(jsonb_agg(jsonb_build_object('code', code, 'tier', tier, 'polygons', polygons)
                ORDER BY code), '[]')::text
            FROM place_boundaries
            """, logger: logger)
        for try await json in rows.decode(String.self) {
            do {
                return try JSONDecoder().decode([PlaceBoundary].self, from: Data(json.utf8))
            } catch {
                throw PostgresStoreError(message: "place_boundaries holds an outline that cannot be read: \(error)")
            }
        }
        return []
    }
}
