public import HotlineDomain

/// How often a classifier gets labelled requests right, by part of the answer.
public struct Evaluation: Sendable, Equatable {
    public private(set) var count = 0
    public private(set) var level1Correct = 0
    public private(set) var leafCorrect = 0
    public private(set) var urgencyCorrect = 0
    public private(set) var urgencyLabelled = 0
    public private(set) var townshipCorrect = 0
    public private(set) var districtCorrect = 0
    public private(set) var placeLabelled = 0

    public init() {}

    /// A labelled request with its expected place codes ("" or nil when the place is not determinable).
    public struct Case: Sendable {
        public var example: LabelledExample
        public var districtCode: String?
        public var townshipCode: String?

        public init(example: LabelledExample, districtCode: String? = nil, townshipCode: String? = nil) {
            self.example = example
            self.districtCode = districtCode
            self.townshipCode = townshipCode
        }
    }

    /// Adds `classification` of `labelled` to the tally.
    public mutating func record(_ classification: Classification, for labelled: Case, catalog: Catalog) {
        count += 1
        let expected = catalog.path(to: labelled.example.leafCode)
        if classification.level1 != nil, classification.level1 == expected.first { level1Correct += 1 }
        if classification.leafCode == labelled.example.leafCode { leafCorrect += 1 }
        if let urgency = labelled.example.urgency {
            urgencyLabelled += 1
            if classification.urgency == urgency { urgencyCorrect += 1 }
        }
        if let township = labelled.townshipCode {
            placeLabelled += 1
            if (classification.place.townshipCode ?? "") == township { townshipCorrect += 1 }
            if (classification.place.districtCode ?? "") == (labelled.districtCode ?? "") { districtCorrect += 1 }
        }
    }

    public var level1Accuracy: Double { share(level1Correct, of: count) }
    public var leafAccuracy: Double { share(leafCorrect, of: count) }
    public var urgencyAccuracy: Double { share(urgencyCorrect, of: urgencyLabelled) }
    public var townshipAccuracy: Double { share(townshipCorrect, of: placeLabelled) }
    public var districtAccuracy: Double { share(districtCorrect, of: placeLabelled) }

    private func share(_ part: Int, of whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) }

    /// Classifies every case with `classifier` and tallies the answers.
    public static func of(_ classifier: RequestClassifier, on cases: [Case]) -> Evaluation {
        var evaluation = Evaluation()
        for labelled in cases {
            evaluation.record(
                classifier.classify(text: labelled.example.text, location: labelled.example.location), for: labelled,
                catalog: classifier.catalog)
        }
        return evaluation
    }

    /// `folds`-fold cross-validation of corrections: each fold is classified by a model trained
    /// on the catalog and the other folds. Nil with fewer examples than folds.
    public static func crossValidated(
        reference: ReferenceData, corrections: [LabelledExample], folds: Int
    ) -> Evaluation? {
        guard folds > 1, corrections.count >= folds else { return nil }
        var evaluation = Evaluation()
        for fold in 0..<folds {
            let training = corrections.enumerated().filter { $0.offset % folds != fold }.map(\.element)
            let testing = corrections.enumerated().filter { $0.offset % folds == fold }.map {
                Case(example: $0.element)
            }
            let classifier = RequestClassifier(
                catalog: reference.catalog, gazetteer: reference.gazetteer, cues: reference.cues, corrections: training)
            for labelled in testing {
                evaluation.record(
                    classifier.classify(text: labelled.example.text, location: labelled.example.location),
                    for: labelled,
                    catalog: reference.catalog)
            }
        }
        return evaluation
    }
}
