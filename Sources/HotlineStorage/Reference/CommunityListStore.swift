public import Foundation
public import Logging
public import PostgresNIO

/// The city's own list of communities and villages, as last loaded (`hotline org
/// load-communities`): `hotline migrate` loads it in place of the generated list in `Schemas/`.
public enum CommunityListStore {
    /// The loaded file's name and text; nil while the generated list is in use.
    public static func loaded(
        on connection: PostgresConnection, logger: Logger
    ) async throws -> (
        fileName: String, content: String
    )? {
        let rows = try await connection.query("SELECT file_name, content FROM community_list", logger: logger)
        for try await (fileName, content) in rows.decode((String, String).self) { return (fileName, content) }
        return nil
    }

    /// Keeps `content` as the city's list, replacing any earlier one.
    public static func keep(
        fileName: String, content: String, at time: Date, on connection: PostgresConnection, logger: Logger
    ) async throws {
        try await connection.query(
            """
            INSERT INTO community_list (file_name, content, loaded_at) VALUES (\(fileName), \(content), \(time))
            ON CONFLICT (only_one) DO UPDATE SET file_name = EXCLUDED.file_name, content = EXCLUDED.content,
                loaded_at = EXCLUDED.loaded_at
            """, logger: logger)
    }
}
