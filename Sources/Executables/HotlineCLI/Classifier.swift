import ArgumentParser
import Foundation
import HotlineClassifier
import HotlineDomain
import HotlineRuntime
import HotlineServices
import HotlineStorage
import Logging
import PostgresNIO

/// `hotline classifier classify|evaluate|retrain|runs`: the request classifier, its measurement on
/// labelled requests, and its learning from operators' corrections.
struct Classifier: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Classify requests; retrain the classifier from the catalog plus operators' corrections.",
        subcommands: [Classify.self, Evaluate.self, Retrain.self, Runs.self])

    /// Trains a new run and publishes it.
    struct Retrain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Train on the catalog and every correction so far, report cross-validated accuracy, and publish the run; services pick it up within HOTLINE_MODEL_CHECK_SECONDS."
        )

        @Option(help: "Folds of the cross-validation over corrections.") var folds = 5

        func run() async throws {
            let folds = folds
            let data = try ClassifierData(schemaDirectory: HotlineSettings().schemaDirectory)
            let outcome = try await withAdminConnection { connection, logger in
                try await ClassifierRetraining.retrain(
                    data: data, folds: folds, at: Date(), on: connection, logger: logger)
            }
            print("training run \(outcome.runId): catalog plus \(outcome.correctionCount) corrections")
            if let evaluation = outcome.evaluation {
                print(
                    String(
                        format: "cross-validated on corrections (%d folds): first level %.1f%%, leaf %.1f%%", folds,
                        evaluation.level1Accuracy * 100, evaluation.leafAccuracy * 100))
            } else {
                print("too few corrections for a \(folds)-fold cross-validation")
            }
        }
    }

    /// Shows the newest run.
    struct Runs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the newest training run.")

        func run() async throws {
            let run = try await withAdminConnection { connection, logger in
                try await ClassifierTraining.latestRun(on: connection, logger: logger)
            }
            guard let run else { return print("no training run yet: services use the catalog alone") }
            print(
                "run \(run.id) at \(run.trainedAt.formatted(.iso8601)): \(run.exampleCount) corrections (through example \(run.examplesThrough))"
            )
        }
    }
}
