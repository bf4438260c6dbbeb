import Foundation
import HotlineDomain
public import HotlineRuntime
import HotlineStorage
public import Logging
import Metrics
public import PostgresNIO
public import ServiceLifecycle
import Synchronization

/// Re-drives, from PostgreSQL, events that were committed but never applied by a consumer
/// that reads them: a ticket received but never classified, classified but never dispatched,
/// dispatched but without deadlines or uncounted by the aggregator. The local broker forgets
/// everything when it restarts, and a real cluster loses messages to operator error; the
/// outbox and the consumers' processed-events record say exactly what is missing.
///
/// Each round, for every consumer group and the event types it applies, events missing from
/// its processed-events record although it has since applied events published more than the
/// grace after them are marked unpublished, so their producer's relay sends them again; the
/// consumers that did apply them skip them by event id. A group that is merely behind is left
/// alone, and a group that applies nothing (stopped, or no traffic) re-drives nothing until it
/// moves again. It runs inside the SLA timer (the process that already works from PostgreSQL on
/// a clock); several instances are harmless, as a round only re-queues rows under row locks.
///
/// A round reads only the events published since the previous round's position, less the
/// grace again (a relay stamps its rows just before its commit, so a row can become visible a
/// little after a round has passed its time), not the whole look-back: after a start, the first
/// round reads the look-back once.
public struct Reconciler: Service {
    let database: PostgresClient
    let policy: ReconciliationPolicy
    let limit: Int
    let logger: Logger
    private let requeued = Counter(label: "hotline_reconciler_requeued_total")
    /// Per consumer group, the position up to which a round found nothing more to re-queue.
    private let checked = CheckedPositions()

    public init(database: PostgresClient, policy: ReconciliationPolicy, limit: Int, logger: Logger) {
        self.database = database
        self.policy = policy
        self.limit = limit
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let counts = try await reconcileOnce()
                if !counts.isEmpty {
                    logger.warning("re-queued events a consumer never applied", metadata: ["events": "\(counts)"])
                }
            } catch {
                logger.warning("reconciliation round failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            try? await Task.sleep(for: policy.interval)
        }
    }

    /// One round; returns how many events were re-queued per consumer group (only non-zero ones).
    @discardableResult
    public func reconcileOnce() async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for kind in HotlineServiceKind.allCases where !kind.appliedTypes.isEmpty {
            let (policy, limit, logger) = (policy, limit, logger)
            let after = checked[kind.name].map { $0.addingTimeInterval(-policy.grace) }
            let (count, position) = try await database.transaction(logger: logger) { connection in
                guard
                    let position = try await OutboxStore.settledPosition(
                        of: kind.name, grace: policy.grace, on: connection, logger: logger)
                else { return (0, Date?.none) }
                let count = try await OutboxStore.requeueUnapplied(
                    consumer: kind.name, types: kind.appliedTypes.map(\.rawValue).sorted(), after: after,
                    through: position, lookback: policy.lookback, limit: limit, on: connection, logger: logger)
                return (count, position)
            }
            // With the limit reached, rows up to the position may be left: the next round looks there again.
            if let position, count < limit { checked.advance(kind.name, to: position) }
            if count > 0 { counts[kind.name] = count }
        }
        requeued.increment(by: counts.values.reduce(0, +))
        return counts
    }
}

/// The positions a reconciler has checked up to, per consumer group, across its rounds.
private final class CheckedPositions: Sendable {
    private let positions = Mutex<[String: Date]>([:])

    subscript(consumer: String) -> Date? { positions.withLock { $0[consumer] } }

    /// Moves `consumer`'s position forward to `position` (never back).
    func advance(_ consumer: String, to position: Date) {
        positions.withLock { $0[consumer] = max($0[consumer] ?? position, position) }
    }
}
