public import Foundation
public import Logging
public import PostgresNIO

/// What operations watch for work left undone: the outbox rows a producer has not published and
/// the SLA timers past due that have not fired.
public enum BacklogStore {
    /// How much of a queue is waiting and how long its oldest entry has waited (0 when none).
    public struct Backlog: Sendable, Equatable {
        public var count: Int
        public var oldestAgeSeconds: Double

        public init(count: Int, oldestAgeSeconds: Double) {
            self.count = count
            self.oldestAgeSeconds = oldestAgeSeconds
        }
    }

    /// `producer`'s unpublished outbox rows, their age by PostgreSQL's clock (which wrote them).
    public static func outbox(producer: String, on client: PostgresClient, logger: Logger) async throws -> Backlog {
        try await backlog(
            client.query(
                """
                SELECT count(*)::bigint, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8
                FROM outbox WHERE producer = \(producer) AND published_at IS NULL
                """, logger: logger))
    }

    /// The pending SLA timers due more than `grace` seconds before `time` (the services' clock,
    /// which set them), and how long ago the oldest fell due.
    public static func lateTimers(
        at time: Date, grace: Double, on client: PostgresClient, logger: Logger
    ) async throws -> Backlog {
        try await backlog(
            client.query(
                """
                SELECT count(*)::bigint, COALESCE(EXTRACT(EPOCH FROM \(time) - min(due_at)), 0)::float8
                FROM sla_timers WHERE state = 'pending' AND due_at < \(time) - make_interval(secs => \(grace))
                """, logger: logger))
    }

    private static func backlog(_ rows: PostgresRowSequence) async throws -> Backlog {
        for try await (count, age) in rows.decode((Int, Double).self) {
            return Backlog(count: count, oldestAgeSeconds: age)
        }
        return Backlog(count: 0, oldestAgeSeconds: 0)
    }
}
