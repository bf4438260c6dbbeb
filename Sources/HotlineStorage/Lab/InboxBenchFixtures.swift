package import Foundation
package import Logging
package import PostgresNIO

/// What the inbox benchmark and the inbox stream tests write around the items: tickets for
/// the items to name, and the id of the transaction that writes them (an item's position starts with it).
package enum InboxBenchFixtures {
    /// Adds `count` dispatched tickets of `unit` (numbers `prefix-1`...) and returns their ids.
    package static func tickets(
        _ count: Int, of unit: String, prefix: String, on client: PostgresClient, logger: Logger
    ) async throws -> [UUID] {
        let rows = try await client.query(
            """
            INSERT INTO tickets (id, number, channel, type, place_text, request_text, urgency, state, unit_code, received_at, updated_at)
            SELECT gen_random_uuid(), \(prefix) || '-' || n, 'phone', 'complaint', '望京', '路灯不亮', 'G', 'dispatched', \(unit), now(), now()
            FROM generate_series(1, \(count)) AS n
            RETURNING id
            """, logger: logger)
        var ids: [UUID] = []
        for try await id in rows.decode(UUID.self) { ids.append(id) }
        return ids
    }

    /// The id of the transaction `connection` is in (assigning one if it has none yet).
    package static func transaction(on connection: PostgresConnection, logger: Logger) async throws -> Int64 {
        for try await id in try await connection.query(
            "SELECT pg_current_xact_id()::text::bigint", logger: logger
        ).decode(Int64.self) {
            return id
        }
        return 0
    }
}
