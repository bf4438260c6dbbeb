import Foundation
import HotlineDomain
import HotlineKafka
import HotlineRuntime
import HotlineStorage
import Logging
import PostgresNIO

/// Watches the pipeline from outside: how far the tickets of a run got (from PostgreSQL) and
/// how far behind each consumer group is (from the broker).
struct PipelineProbe: Sendable {
    let database: PostgresClient
    let kafka: KafkaClientConfiguration
    let logger: Logger

    /// How many of a run's tickets reached each step.
    struct Through: Sendable, Codable {
        var dispatched = 0
        var withDeadlines = 0
        var scored = 0

        /// Whether `count` tickets got through every step.
        func reached(_ count: Int) -> Bool { dispatched >= count && withDeadlines >= count && scored >= count }
    }

    /// The tickets received since `since` that are dispatched, have deadlines, and whose
    /// dispatch the scoring aggregator applied (the only events of a fresh ticket it applies).
    /// Cheap enough to poll while the pipeline works: each count reads one index range.
    func through(since: Date) async throws -> Through {
        let through = try await PipelineProgress.through(
            since: since, scorer: HotlineServiceKind.scoringAggregator.name, on: database, logger: logger)
        return Through(dispatched: through.dispatched, withDeadlines: through.withDeadlines, scored: through.scored)
    }

    /// Polls until `count` tickets are through, or nothing moved for `stall`.
    func waitUntilThrough(_ count: Int, since: Date, stall: Duration) async throws -> Through {
        var last = Through()
        var lastProgress = ContinuousClock.now
        while true {
            let now = try await through(since: since)
            if now.reached(count) { return now }
            if now.dispatched != last.dispatched || now.withDeadlines != last.withDeadlines || now.scored != last.scored
            {
                last = now
                lastProgress = ContinuousClock.now
            } else if ContinuousClock.now - lastProgress > stall {
                return now
            }
            try await Task.sleep(for: .milliseconds(500))
        }
    }

    /// Seconds from each ticket's `ticket.received` to its `ticket.dispatched`, for tickets
    /// received since `since`.
    func intakeToDispatchedSeconds(since: Date) async throws -> [Double] {
        try await PipelineProgress.intakeToDispatchedSeconds(since: since, on: database, logger: logger)
    }

    /// One sample of every consumer group's lag.
    struct LagSample: Sendable, Codable {
        /// Seconds since sampling started.
        var at: Double
        /// Uncommitted messages per consumer group.
        var lag: [String: Int64]
    }

    /// Samples consumer lag until cancelled.
    func sampleLag(every interval: Duration) async throws -> [LagSample] {
        let admin = KafkaAdmin(client: kafka)
        let started = ContinuousClock.now
        var samples: [LagSample] = []
        while !Task.isCancelled {
            var lag: [String: Int64] = [:]
            for kind in HotlineServiceKind.allCases where !kind.consumedTopics.isEmpty {
                if let perTopic = try? await admin.consumerLag(
                    group: kind.name, topics: kind.consumedTopics.map(\.name))
                {
                    lag[kind.name] = perTopic.values.reduce(0, +)
                }
            }
            samples.append(LagSample(at: (ContinuousClock.now - started).seconds, lag: lag))
            try? await Task.sleep(for: interval)
        }
        return samples
    }
}
