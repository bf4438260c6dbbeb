import Foundation
import HotlineClassifier
import HotlineDomain
import HotlineStorage

/// The project's own reference data (`Schemas/`) and labelled requests (`Fixtures/`), loaded once.
enum ReferenceFixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let reference: ReferenceData = {
        do {
            return try ReferenceData(schemaDirectory: repository.appendingPathComponent("Schemas"))
        } catch {
            fatalError("the reference data in Schemas/ cannot be read: \(error)")
        }
    }()

    /// The classifier's training requests and word dictionary (`Schemas/catalog/`).
    static let classifierData: ClassifierData = {
        do {
            return try ClassifierData(schemaDirectory: repository.appendingPathComponent("Schemas"))
        } catch {
            fatalError("the classifier data in Schemas/catalog cannot be read: \(error)")
        }
    }()

    static let classifier = RequestClassifier(
        catalog: reference.catalog, gazetteer: reference.gazetteer, cues: reference.cues, data: classifierData)

    /// One line of `Fixtures/labelled_requests.jsonl`.
    struct LabelledLine: Decodable {
        var text: String
        var location: String
        var level1: String
        var level2: String
        var level3: String
        var urgency: String
        var district_code: String
        var township_code: String
    }

    static let labelledText: String = {
        let url = repository.appendingPathComponent("Tests/HotlineUnitTests/Fixtures/labelled_requests.jsonl")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    static let labelled: [LabelledLine] = labelledText.split(separator: "\n").compactMap {
        try? JSONDecoder().decode(LabelledLine.self, from: Data($0.utf8))
    }

    /// The labelled requests as the evaluation reads them.
    static var cases: [LabelledRequest] {
        (try? LabelledRequest.parse(jsonl: labelledText)) ?? []
    }
}
