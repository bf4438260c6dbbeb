import Foundation
import HotlineDomain
public import HotlineRuntime
import HotlineStorage
import Logging
import PostgresNIO

/// The scoring aggregator: folds the lifecycle and SLA events into each dispatch's assessment
/// facts and into live per-unit counters by hour, day and month. The monthly assessment is
/// computed from the facts (`hotline report --period month`, `hotline assess`).
public enum ScoringWorker {
    public static func parts(_ resources: ServiceResources) throws -> ServiceParts {
        let snapshots = ReferenceSnapshots(checkInterval: resources.settings.modelCheckInterval, clock: resources.clock)
        return ServiceParts(workers: [
            try resources.consumer(topics: [.lifecycle, .sla], handler: ScoringHandler(timeZone: resources.settings.timeZone, snapshots: snapshots))
        ])
    }
}

/// Applies a batch of scoring events in the consumer's transaction.
struct ScoringHandler: EventBatchHandler {
    let timeZone: TimeZone
    let snapshots: ReferenceSnapshots

    var acceptedTypes: Set<EventType> { ScoringEvent.types }

    func apply(_ events: [ConsumedEvent], on connection: PostgresConnection, logger: Logger) async throws {
        let policy = try await snapshots.current(on: connection, logger: logger).reference.timeLimits
        let reducer = ScoringReducer(planner: SLAPlanner(policy: policy), timeZone: timeZone)
        for consumed in events {
            guard let event = ScoringEvent(consumed.event) else { continue }
            let metadata = consumed.event.metadata
            let district = try await Self.district(of: metadata.ticketId, on: connection, logger: logger)
            let before = try await AssessmentStore.facts(of: metadata.ticketId, on: connection, logger: logger)
            var after = before
            reducer.apply(event, ticketId: metadata.ticketId, district: district, at: metadata.occurredAt, to: &after)
            guard after != before else { continue }
            try await AssessmentStore.save(after, on: connection, logger: logger)
            for (unit, increments) in Self.increments(from: before, to: after) {
                try await AssessmentStore.count(increments, unit: unit, at: metadata.occurredAt, timeZone: timeZone, on: connection, logger: logger)
            }
        }
    }

    static func district(of ticketId: UUID, on connection: PostgresConnection, logger: Logger) async throws -> String? {
        for try await district in try await connection.query("SELECT district_code FROM tickets WHERE id = \(ticketId)", logger: logger).decode(String?.self) {
            return district
        }
        return nil
    }

    /// What changed between two versions of a ticket's facts, as counter increments per unit.
    static func increments(from before: [AssessmentFact], to after: [AssessmentFact]) -> [String: [String: Int]] {
        var increments: [String: [String: Int]] = [:]
        for (index, fact) in after.enumerated() {
            let old = index < before.count ? before[index] : nil
            var changes: [String: Int] = [:]
            if old == nil { changes["dispatched"] = 1 }
            let flags: [(String, KeyPath<AssessmentFact, Bool>)] = [
                ("signed_in_time", \.signedInTime), ("resolved", \.resolved), ("resolved_on_time", \.resolvedOnTime), ("visited", \.visited),
                ("solved", \.solved), ("satisfied", \.satisfied), ("sent_back", \.sentBack), ("overdue", \.overdue), ("excluded", \.excluded),
            ]
            for (metric, flag) in flags where fact[keyPath: flag] && !(old?[keyPath: flag] ?? false) { changes[metric] = 1 }
            if fact.reopened > (old?.reopened ?? 0) { changes["reopened"] = fact.reopened - (old?.reopened ?? 0) }
            if !changes.isEmpty { increments[fact.unitCode, default: [:]].merge(changes, uniquingKeysWith: +) }
        }
        return increments
    }
}
