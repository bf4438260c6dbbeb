import Foundation
import HotlineClassifier
import HotlineDomain
import HotlineStorage
import Logging
import PostgresNIO
import Synchronization

/// The reference data and the classifier trained on it, as of one training run.
struct ReferenceSnapshot: Sendable {
    let reference: ReferenceData
    let classifier: RequestClassifier
    let knowledge: KnowledgeBase
    /// The training run the classifier reproduces; nil before the first run (catalog only).
    let runId: Int?
}

/// Keeps one `ReferenceSnapshot` per process, loaded from PostgreSQL on first use and rebuilt
/// when a newer training run appears (looked for at most every `checkInterval`). Every
/// process rebuilds the same model from the same rows, so all instances agree.
final class ReferenceSnapshots: Sendable {
    private struct State {
        var snapshot: ReferenceSnapshot?
        var checkedAt: Date?
    }

    private let state = Mutex(State())
    private let checkInterval: TimeInterval
    private let clock: any HotlineClock

    init(checkInterval: TimeInterval, clock: any HotlineClock) {
        self.checkInterval = checkInterval
        self.clock = clock
    }

    /// The current snapshot, checking for a newer run through a pooled connection when due.
    func current(from database: PostgresClient, logger: Logger) async throws -> ReferenceSnapshot {
        if let fresh = freshSnapshot() { return fresh }
        return try await database.withConnection { try await self.refresh(on: $0, logger: logger) }
    }

    /// The current snapshot, checking for a newer run on `connection` when due.
    func current(on connection: PostgresConnection, logger: Logger) async throws -> ReferenceSnapshot {
        if let fresh = freshSnapshot() { return fresh }
        return try await refresh(on: connection, logger: logger)
    }

    private func freshSnapshot() -> ReferenceSnapshot? {
        let now = clock.now()
        return state.withLock { state in
            guard let snapshot = state.snapshot, let checked = state.checkedAt, now.timeIntervalSince(checked) < checkInterval else { return nil }
            return snapshot
        }
    }

    private func refresh(on connection: PostgresConnection, logger: Logger) async throws -> ReferenceSnapshot {
        let run = try await ClassifierTraining.latestRun(on: connection, logger: logger)
        let now = clock.now()
        if let snapshot = state.withLock({ $0.snapshot }), snapshot.runId == run?.id {
            state.withLock { $0.checkedAt = now }
            return snapshot
        }
        let reference = try await ReferenceStore.load(on: connection, logger: logger)
        var examples: [LabelledExample] = []
        if let run {
            examples = try await ClassifierTraining.examples(through: run.examplesThrough, on: connection, logger: logger).examples
        }
        let snapshot = ReferenceSnapshot(
            reference: reference,
            classifier: RequestClassifier(
                catalog: reference.catalog, gazetteer: reference.gazetteer, cues: reference.cues,
                corrections: examples),
            knowledge: KnowledgeBase(reference.knowledge), runId: run?.id)
        logger.info(
            "classifier trained", metadata: ["run": "\(run?.id.description ?? "none")", "leaves": "\(reference.catalog.leaves.count)", "corrections": "\(examples.count)"])
        state.withLock { $0 = State(snapshot: snapshot, checkedAt: now) }
        return snapshot
    }
}
