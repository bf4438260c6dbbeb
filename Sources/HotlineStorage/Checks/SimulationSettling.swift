package import Logging
package import PostgresNIO

/// Whether the pipeline has settled after the city simulation: events still to publish, and
/// how many events the scoring aggregator has logged.
package enum SimulationSettling {
    /// Outbox rows not yet published, and rows of the scoring aggregator's event log.
    package static func counts(
        on client: PostgresClient, logger: Logger
    ) async throws -> (unpublished: Int, scoringEvents: Int) {
        let rows = try await client.query(
            "SELECT (SELECT count(*) FROM outbox WHERE published_at IS NULL), (SELECT count(*) FROM scoring_events)",
            logger: logger)
        for try await (unpublished, logged) in rows.decode((Int, Int).self) { return (unpublished, logged) }
        return (0, 0)
    }
}
