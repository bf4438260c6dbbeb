import ArgumentParser
import Foundation
import HotlineClassifier
import HotlineDomain
import HotlineRuntime
import HotlineStorage

extension Classifier {
    /// Measures the classifier of the schema directory on a labelled file.
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Measure the classifier (catalog and training requests of HOTLINE_SCHEMA_DIR) on labelled requests: accuracy per field, per-class precision and recall, the first-level confusion, and the accuracy/coverage curve of the review threshold."
        )

        @Argument(
            help: "JSON Lines: text, location, level1, leaf (or level3), urgency, type, district_code, township_code.")
        var file: String

        @Option(help: "The share of tickets dispatched without review that must be right, for choosing the threshold.")
        var target = 0.95

        func run() throws {
            let settings = HotlineSettings()
            let requests = try LabelledRequest.parse(jsonl: String(contentsOfFile: file, encoding: .utf8))
            let reference = try ReferenceData(schemaDirectory: settings.schemaDirectory)
            let classifier = RequestClassifier(
                catalog: reference.catalog, gazetteer: reference.gazetteer, cues: reference.cues,
                data: try ClassifierData(schemaDirectory: settings.schemaDirectory))
            print(Evaluation.of(classifier, on: requests).report(target: target))
        }
    }
}
