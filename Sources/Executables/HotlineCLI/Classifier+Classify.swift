import ArgumentParser
import Foundation
import HotlineClassifier
import HotlineDomain
import HotlineRuntime
import HotlineStorage

extension Classifier {
    /// `hotline classifier classify`: classifies JSON lines `{"text": ..., "location": ...}` from
    /// standard input with the catalog of `Schemas/`, one JSON line out per line in. Needs no
    /// service and no database.
    struct Classify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Classify JSON lines {\"text\", \"location\"} from standard input; print one JSON line each.",
            discussion: """
                Each output line has level1, level2, level3 (catalog codes), urgency (E/L/G/C), district_code, \
                township_code (official codes, empty when unknown) and confidence. A line that cannot be read \
                gets the same fields, empty, and an "error".
                """)

        /// A line read.
        struct Input: Decodable {
            var text: String
            var location: String?
        }

        /// The line written for a line that cannot be read.
        struct Failure: Encodable {
            var level1 = "", level2 = "", level3 = "", urgency = "", district_code = "", township_code = ""
            var confidence = 0.0
            var error: String
        }

        func run() throws {
            let settings = HotlineSettings()
            let reference = try ReferenceData(schemaDirectory: settings.schemaDirectory)
            let classifier = RequestClassifier(
                catalog: reference.catalog, gazetteer: reference.gazetteer, cues: reference.cues,
                data: try ClassifierData(schemaDirectory: settings.schemaDirectory))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let decoder = JSONDecoder()
            var output = Data()
            while let line = readLine(strippingNewline: true) {
                guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                if let input = try? decoder.decode(Input.self, from: Data(line.utf8)) {
                    output.append(
                        try encoder.encode(
                            ClassificationView(classifier.classify(text: input.text, location: input.location ?? ""))))
                } else {
                    output.append(try encoder.encode(Failure(error: "not a JSON object with a string \"text\"")))
                }
                output.append(0x0A)
                if output.count > 1 << 16 {
                    FileHandle.standardOutput.write(output)
                    output.removeAll(keepingCapacity: true)
                }
            }
            FileHandle.standardOutput.write(output)
        }
    }
}
