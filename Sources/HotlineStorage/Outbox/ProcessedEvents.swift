public import Foundation
public import Logging
public import PostgresNIO

/// The record that makes consumers idempotent: an event id is claimed once per consumer group,
/// in the transaction that applies the event.
public enum ProcessedEvents {
    /// Records `eventIds` for `consumer` and returns those not seen before; the others were
    /// applied already and must be skipped.
    public static func claim(
        _ eventIds: [UUID], consumer: String, on connection: PostgresConnection, logger: Logger
    ) async throws -> Set<UUID> {
        guard !eventIds.isEmpty else { return [] }
        let rows = try await connection.query(
            """
            INSERT INTO processed_events (consumer, event_id)
            SELECT \(consumer), id FROM unnest(\(eventIds)::uuid[]) AS ids(id)
            ON CONFLICT DO NOTHING RETURNING event_id
            """, logger: logger)
        var fresh = Set<UUID>()
        for try await id in rows.decode(UUID.self) { fresh.insert(id) }
        return fresh
    }
}
