import Foundation
import HotlineClassifier
import HotlineDomain
import HotlineRuntime
import HotlineStorage
import Logging
import PostgresNIO
import Synchronization

/// The reference data as of one training run, with what a service derives from it (the
/// classifier, for the services that classify).
struct ReferenceSnapshot<Model: Sendable>: Sendable {
    let reference: ReferenceData
    let model: Model
    let knowledge: KnowledgeBase
    /// The training run the snapshot reproduces; nil before the first run (catalog only).
    let runId: Int?
}

/// Keeps one `ReferenceSnapshot` per process, loaded from PostgreSQL on first use and rebuilt
/// when a newer training run appears (looked for at most every `checkInterval` of real time,
/// whatever clock the tickets follow). Every process rebuilds the same model from the same
/// rows, so all instances agree. One refresh runs at a time: callers that find the snapshot
/// stale while one is under way wait for it, so a burst of requests at start-up trains the
/// classifier once, not once per request.
final class ReferenceSnapshots<Model: Sendable>: Sendable {
    /// Builds the model from the reference data and the run's operator corrections.
    typealias Build = @Sendable (ReferenceData, [LabelledExample]) -> Model

    private struct State {
        var snapshot: ReferenceSnapshot<Model>?
        var checkedAt: Date?
        /// The refresh under way, if any.
        var refreshing: Task<ReferenceSnapshot<Model>, any Error>?
    }

    private let state = Mutex(State())
    private let checkInterval: TimeInterval
    private let clock = SystemClock()
    private let readsCorrections: Bool
    private let build: Build

    /// `readsCorrections`: whether `build` needs the operators' corrections (only the classifier does).
    init(checkInterval: TimeInterval, readsCorrections: Bool, build: @escaping Build) {
        self.checkInterval = checkInterval
        self.readsCorrections = readsCorrections
        self.build = build
    }

    /// The current snapshot, checking for a newer run through a pooled connection when due.
    func current(from database: PostgresClient, logger: Logger) async throws -> ReferenceSnapshot<Model> {
        if let fresh = freshSnapshot() { return fresh }
        return try await refreshOnce {
            try await database.session { try await self.refresh(on: $0, logger: logger) }
        }
    }

    /// The current snapshot, checking for a newer run on `connection` when due.
    func current(on connection: PostgresConnection, logger: Logger) async throws -> ReferenceSnapshot<Model> {
        if let fresh = freshSnapshot() { return fresh }
        return try await refreshOnce { try await self.refresh(on: connection, logger: logger) }
    }

    /// Joins the refresh under way, or starts `refresh` as the one every caller waits for.
    private func refreshOnce(
        _ refresh: @escaping @Sendable () async throws -> ReferenceSnapshot<Model>
    ) async throws -> ReferenceSnapshot<Model> {
        let task = state.withLock { state in
            if let running = state.refreshing { return running }
            let task = Task {
                defer { self.state.withLock { $0.refreshing = nil } }
                return try await refresh()
            }
            state.refreshing = task
            return task
        }
        return try await task.value
    }

    private func freshSnapshot() -> ReferenceSnapshot<Model>? {
        let now = clock.now()
        return state.withLock { state in
            guard let snapshot = state.snapshot, let checked = state.checkedAt,
                now.timeIntervalSince(checked) < checkInterval
            else {
                return nil
            }
            return snapshot
        }
    }

    private func refresh(on connection: PostgresConnection, logger: Logger) async throws -> ReferenceSnapshot<Model> {
        let run = try await ClassifierTraining.latestRun(on: connection, logger: logger)
        let now = clock.now()
        if let snapshot = state.withLock({ $0.snapshot }), snapshot.runId == run?.id {
            state.withLock { $0.checkedAt = now }
            return snapshot
        }
        let reference = try await ReferenceStore.load(on: connection, logger: logger)
        var examples: [LabelledExample] = []
        if readsCorrections, let run {
            examples = try await ClassifierTraining.examples(
                through: run.examplesThrough, on: connection, logger: logger
            ).examples
        }
        let snapshot = ReferenceSnapshot(
            reference: reference, model: build(reference, examples), knowledge: KnowledgeBase(reference.knowledge),
            runId: run?.id)
        logger.info(
            "reference data loaded",
            metadata: [
                "run": "\(run?.id.description ?? "none")", "leaves": "\(reference.catalog.leaves.count)",
                "corrections": "\(examples.count)",
            ])
        state.withLock {
            $0.snapshot = snapshot
            $0.checkedAt = now
        }
        return snapshot
    }
}

extension ServiceResources {
    /// Reference data alone, for services that do not classify.
    func referenceSnapshots() -> ReferenceSnapshots<Void> {
        ReferenceSnapshots(checkInterval: settings.modelCheckInterval, readsCorrections: false) { _, _ in
            ()
        }
    }

    /// Reference data with the classifier trained on the catalog, the training requests and
    /// segmentation dictionary of the schema directory (read once), and the run's corrections.
    func classifierSnapshots() throws -> ReferenceSnapshots<RequestClassifier> {
        let data = try ClassifierData(schemaDirectory: settings.schemaDirectory)
        return ReferenceSnapshots(checkInterval: settings.modelCheckInterval, readsCorrections: true) {
            reference, corrections in
            RequestClassifier(
                catalog: reference.catalog, gazetteer: reference.gazetteer, cues: reference.cues, data: data,
                corrections: corrections)
        }
    }
}
