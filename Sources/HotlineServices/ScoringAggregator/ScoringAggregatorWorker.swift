import Foundation
import HotlineDomain
public import HotlineRuntime
import HotlineStorage
import Logging
import PostgresNIO

/// The scoring aggregator: keeps the lifecycle and SLA events it reads in its own log, replays
/// each touched ticket's events in the order they happened into that ticket's assessment facts
/// (events from different producers may arrive out of order), and counts what changed in live
/// per-unit counters by hour, day and month. The monthly assessment is
/// computed from the facts (`hotline report --period month`, `hotline assess`). Every five
/// seconds it also produces the leaders' reports that came due (`ReportScheduler`), and with each
/// day's report scans the day for early warnings (`EarlyWarningScan`), with each week's the week
/// for recurring problems (`RecurrenceScan`).
public enum ScoringAggregatorWorker {
    public static func parts(_ resources: ServiceResources) throws -> ServiceParts {
        let snapshots = resources.referenceSnapshots()
        let schema = resources.settings.schemaDirectory
        let reports = ReportScheduler(
            database: resources.database, clock: resources.clock, timeZone: resources.settings.timeZone,
            warnings: EarlyWarningScan(
                policy: try EarlyWarningPolicy(csv: CSVTable(policy: "early_warning.csv", in: schema))),
            recurrences: RecurrenceScan(
                policy: try RecurrencePolicy(csv: CSVTable(policy: "recurrence.csv", in: schema))),
            logger: resources.logger)
        return ServiceParts(
            workers: [
                try resources.consumer(
                    handler: ScoringHandler(timeZone: resources.settings.timeZone, snapshots: snapshots)),
                PeriodicSampler("scheduled reports", logger: resources.logger) { try await reports.runOnce() },
            ],
            warmUp: { _ = try await snapshots.current(from: resources.database, logger: resources.logger) })
    }
}

/// Applies a batch of scoring events in the consumer's transaction.
struct ScoringHandler: EventBatchHandler {
    let timeZone: TimeZone
    let snapshots: ReferenceSnapshots<Void>

    var acceptedTypes: Set<EventType> { HotlineServiceKind.scoringAggregator.appliedTypes }

    func apply(_ events: [ConsumedEvent], on connection: PostgresConnection, logger: Logger) async throws {
        let reference = try await snapshots.current(on: connection, logger: logger).reference
        let reducer = ScoringReducer(reference: reference, timeZone: timeZone)
        try await AssessmentStore.log(
            events.map { ($0.event.metadata.id, $0.event.metadata.ticketId, $0.event.metadata.occurredAt, $0.bytes) },
            on: connection,
            logger: logger)
        let touched = events.firstPerTicket().map {
            (ticketId: $0.event.metadata.ticketId, time: $0.event.metadata.occurredAt)
        }
        let ids = touched.map(\.ticketId)
        let districts = try await ScoringHistory.districts(of: ids, on: connection, logger: logger)
        let stored = try await AssessmentStore.facts(of: ids, on: connection, logger: logger)
        let logged = try await AssessmentStore.loggedEvents(of: ids, on: connection, logger: logger)
        var changed: [[AssessmentFact]] = []
        var increments: [AssessmentStore.Increment] = []
        for (ticketId, time) in touched {
            let before = stored[ticketId] ?? []
            let after = reducer.facts(
                replaying: logged[ticketId] ?? [], ticketId: ticketId, district: districts[ticketId])
            guard after != before else { continue }
            changed.append(after)
            for (unit, metrics) in Self.increments(from: before, to: after) {
                increments += metrics.map {
                    AssessmentStore.Increment(unitCode: unit, time: time, metric: $0.key, amount: $0.value)
                }
            }
        }
        try await AssessmentStore.save(changed, on: connection, logger: logger)
        try await AssessmentStore.count(increments, timeZone: timeZone, on: connection, logger: logger)
    }

    /// What changed between two versions of a ticket's facts, as counter increments per unit.
    static func increments(from before: [AssessmentFact], to after: [AssessmentFact]) -> [String: [String: Int]] {
        var increments: [String: [String: Int]] = [:]
        for (index, fact) in after.enumerated() {
            let old = index < before.count ? before[index] : nil
            var changes: [String: Int] = [:]
            if old == nil { changes["dispatched"] = 1 }
            let flags: [(String, KeyPath<AssessmentFact, Bool>)] = [
                ("signed_in_time", \.signedInTime), ("resolved", \.resolved), ("resolved_on_time", \.resolvedOnTime),
                ("visited", \.visited),
                ("solved", \.solved), ("satisfied", \.satisfied), ("sent_back", \.sentBack), ("overdue", \.overdue),
                ("excluded", \.excluded),
            ]
            for (metric, flag) in flags where fact[keyPath: flag] && !(old?[keyPath: flag] ?? false) {
                changes[metric] = 1
            }
            if fact.reopened > (old?.reopened ?? 0) { changes["reopened"] = fact.reopened - (old?.reopened ?? 0) }
            if !changes.isEmpty { increments[fact.unitCode, default: [:]].merge(changes, uniquingKeysWith: +) }
        }
        return increments
    }
}
