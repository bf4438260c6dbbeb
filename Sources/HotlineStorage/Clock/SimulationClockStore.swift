package import Foundation
package import Logging
package import PostgresNIO

/// `simulation_clock`: at most one row saying that simulated time ran from `simulated_anchor`
/// at `speed` times real time since `real_anchor`. No row: real time.
package enum SimulationClockStore {
    /// The row, or nil when simulated time is off.
    package static func read(
        on connection: PostgresConnection, logger: Logger
    ) async throws -> (real: Date, simulated: Date, speed: Double)? {
        let rows = try await connection.query(
            "SELECT real_anchor, simulated_anchor, speed FROM simulation_clock", logger: logger)
        for try await (real, simulated, speed) in rows.decode((Date, Date, Double).self) {
            return (real, simulated, speed)
        }
        return nil
    }

    /// Starts simulated time at `simulated` (at the database's now), running `speed` times real
    /// time. Scheduled reports produced after `simulated` belong to the time the clock left, and
    /// are discarded, so that the schedule produces those periods again as the clock reaches them.
    package static func set(
        simulated: Date, speed: Double, on connection: PostgresConnection, logger: Logger
    ) async throws {
        try await connection.query(
            "DELETE FROM scheduled_reports WHERE produced_at > \(simulated)", logger: logger)
        try await connection.query(
            """
            INSERT INTO simulation_clock (singleton, real_anchor, simulated_anchor, speed) VALUES (true, now(), \(simulated), \(speed))
            ON CONFLICT (singleton) DO UPDATE SET real_anchor = EXCLUDED.real_anchor, simulated_anchor = EXCLUDED.simulated_anchor,
                speed = EXCLUDED.speed
            """, logger: logger)
    }

    /// Deletes the row: simulated time is off.
    package static func reset(on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("DELETE FROM simulation_clock", logger: logger)
    }
}
