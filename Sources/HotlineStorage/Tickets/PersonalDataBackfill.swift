import Foundation
public import Logging
public import PostgresNIO

/// Masks the tickets recorded before the masked columns existed (migration 0012), in batches,
/// so the analysts' schema shows every ticket; `Migrator.migrate` runs it after the migrations.
public enum PersonalDataBackfill {
    /// The migration that added the masked columns.
    public static let migrationVersion = 12

    /// Masks every ticket without masked columns; returns how many it masked.
    @discardableResult
    public static func run(client: PostgresClient, batch: Int = 1_000, logger: Logger) async throws -> Int {
        var total = 0
        while true {
            let masked = try await client.transaction(logger: logger) { connection in
                try await maskBatch(limit: batch, on: connection, logger: logger)
            }
            total += masked
            if masked < batch { break }
        }
        if total > 0 { logger.info("masked the personal data of earlier tickets", metadata: ["tickets": "\(total)"]) }
        return total
    }

    /// Masks up to `limit` tickets that have no masked columns yet.
    private static func maskBatch(limit: Int, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        let rows = try await connection.query(
            """
            SELECT id, caller_name, caller_phone, request_text FROM tickets
            WHERE request_text_masked IS NULL LIMIT \(limit) FOR UPDATE SKIP LOCKED
            """, logger: logger)
        var ids: [UUID] = []
        var names: [String] = []
        var phones: [String] = []
        var texts: [String] = []
        for try await (id, name, phone, text) in rows.decode((UUID, String?, String?, String).self) {
            let masked = MaskedPersonalData(callerName: name, callerPhone: phone, requestText: text)
            ids.append(id)
            names.append(masked.callerName ?? "")
            phones.append(masked.callerPhone ?? "")
            texts.append(masked.requestText)
        }
        guard !ids.isEmpty else { return 0 }
        try await connection.query(
            """
            UPDATE tickets t SET caller_name_masked = NULLIF(m.name, ''), caller_phone_masked = NULLIF(m.phone, ''),
                                 request_text_masked = m.text
            FROM unnest(\(ids)::uuid[], \(names)::text[], \(phones)::text[], \(texts)::text[]) AS m(id, name, phone, text)
            WHERE t.id = m.id
            """, logger: logger)
        return ids.count
    }
}
