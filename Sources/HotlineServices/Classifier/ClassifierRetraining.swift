public import Foundation
public import HotlineClassifier
import HotlineStorage
public import Logging
public import PostgresNIO

/// Learning from operators (`hotline classifier retrain`): every operator's classification so
/// far becomes a training example of a new run; the services that classify rebuild their model
/// from the run's examples within `HOTLINE_MODEL_CHECK_SECONDS`.
public enum ClassifierRetraining {
    /// A published training run.
    public struct Outcome: Sendable {
        /// The run's id; services whose latest run is older rebuild their model.
        public var runId: Int
        /// How many operators' corrections the run includes.
        public var correctionCount: Int
        /// The cross-validation over the corrections; nil when there are fewer than its folds.
        public var evaluation: Evaluation?
    }

    /// Cross-validates a model of the catalog, `data` and every correction so far over `folds`
    /// folds of the corrections, records the run at `time` and returns it.
    public static func retrain(
        data: ClassifierData, folds: Int, at time: Date, on connection: PostgresConnection, logger: Logger
    ) async throws -> Outcome {
        let reference = try await ReferenceStore.load(on: connection, logger: logger)
        let (corrections, lastId) = try await ClassifierTraining.examples(through: nil, on: connection, logger: logger)
        let evaluation = Evaluation.crossValidated(
            reference: reference, data: data, corrections: corrections, folds: folds)
        let run = try await ClassifierTraining.recordRun(
            examplesThrough: lastId, exampleCount: corrections.count, level1Accuracy: evaluation?.level1Accuracy,
            leafAccuracy: evaluation?.leafAccuracy, at: time, on: connection, logger: logger)
        return Outcome(runId: run, correctionCount: corrections.count, evaluation: evaluation)
    }
}
