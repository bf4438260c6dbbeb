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

    static let classifier = RequestClassifier(
        catalog: reference.catalog, gazetteer: reference.gazetteer, cues: reference.cues)

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

    static let labelled: [LabelledLine] = {
        let url = repository.appendingPathComponent("Tests/HotlineUnitTests/Fixtures/labelled_requests.jsonl")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            try? JSONDecoder().decode(LabelledLine.self, from: Data($0.utf8))
        }
    }()

    static var cases: [Evaluation.Case] {
        labelled.map { line in
            Evaluation.Case(
                example: LabelledExample(
                    text: line.text, location: line.location, leafCode: line.level3,
                    urgency: UrgencyTier(rawValue: line.urgency)),
                districtCode: line.district_code, townshipCode: line.township_code)
        }
    }
}
