public import HotlineDomain

/// How well a classifier answers labelled requests: each request's expected and predicted
/// answers, and the measures drawn from them (accuracy per field, per-class precision and
/// recall of the first level, the first-level confusion, accuracy against coverage).
public struct Evaluation: Sendable {
    /// The parts of an answer that are measured.
    public enum Field: String, CaseIterable, Sendable {
        case level1 = "first level"
        case leaf
        case urgency
        case type
        case township
        case district
    }

    /// One request: what it is labelled, what the classifier said, and how sure it was of the first level.
    public struct Outcome: Sendable {
        public var expected: LabelledRequest
        public var predicted: [Field: String]
        public var level1Confidence: Double

        /// Whether the classifier got `field` right; nil when the request is not labelled with it.
        public func isRight(_ field: Field) -> Bool? {
            guard let expected = Self.value(of: field, in: expected) else { return nil }
            return predicted[field, default: ""] == expected
        }

        static func value(of field: Field, in request: LabelledRequest) -> String? {
            switch field {
            case .level1: request.level1
            case .leaf: request.leafCode
            case .urgency: request.urgency?.rawValue
            case .type: request.type?.rawValue
            case .township: request.townshipCode
            case .district: request.townshipCode == nil ? nil : request.districtCode ?? ""
            }
        }
    }

    public private(set) var outcomes: [Outcome] = []

    public init() {}

    /// Adds `classification` of `request` to the tally.
    public mutating func record(_ classification: Classification, for request: LabelledRequest) {
        var predicted: [Field: String] = [:]
        predicted[.level1] = classification.level1
        predicted[.leaf] = classification.leafCode
        predicted[.urgency] = classification.urgency.rawValue
        predicted[.type] = classification.requestType?.rawValue
        predicted[.township] = classification.place.townshipCode ?? ""
        predicted[.district] = classification.place.districtCode ?? ""
        outcomes.append(
            Outcome(expected: request, predicted: predicted, level1Confidence: classification.level1Confidence))
    }

    /// Classifies every request with `classifier` and tallies the answers.
    public static func of(_ classifier: RequestClassifier, on requests: [LabelledRequest]) -> Evaluation {
        var evaluation = Evaluation()
        for request in requests {
            evaluation.record(classifier.classify(text: request.text, location: request.location), for: request)
        }
        return evaluation
    }

    public var count: Int { outcomes.count }

    /// How many requests are labelled with `field`.
    public func labelled(_ field: Field) -> Int { outcomes.count { $0.isRight(field) != nil } }

    /// The share of requests labelled with `field` that the classifier got right (0 when none is labelled).
    public func accuracy(_ field: Field) -> Double {
        let judged = outcomes.compactMap { $0.isRight(field) }
        return judged.isEmpty ? 0 : Double(judged.count { $0 }) / Double(judged.count)
    }

    public var level1Accuracy: Double { accuracy(.level1) }
    public var leafAccuracy: Double { accuracy(.leaf) }
    public var urgencyAccuracy: Double { accuracy(.urgency) }
    public var townshipAccuracy: Double { accuracy(.township) }
    public var districtAccuracy: Double { accuracy(.district) }

    /// `folds`-fold cross-validation of corrections: each fold is classified by a model trained
    /// on the catalog, `data` and the other folds. Nil with fewer examples than folds.
    public static func crossValidated(
        reference: ReferenceData, data: ClassifierData = .empty, corrections: [LabelledExample], folds: Int
    ) -> Evaluation? {
        guard folds > 1, corrections.count >= folds else { return nil }
        var evaluation = Evaluation()
        for fold in 0..<folds {
            let training = corrections.enumerated().filter { $0.offset % folds != fold }.map(\.element)
            let classifier = RequestClassifier(
                catalog: reference.catalog, gazetteer: reference.gazetteer, cues: reference.cues, data: data,
                corrections: training)
            for (offset, example) in corrections.enumerated() where offset % folds == fold {
                evaluation.record(
                    classifier.classify(text: example.text, location: example.location), for: LabelledRequest(example))
            }
        }
        return evaluation
    }
}
