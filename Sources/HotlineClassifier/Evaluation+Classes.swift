extension Evaluation {
    /// How one class of a field (a first-level code, an urgency tier, a type) fares: of the
    /// requests predicted as it, the share right (precision); of the requests labelled with it,
    /// the share found (recall).
    public struct ClassScore: Sendable, Equatable {
        public var code: String
        public var precision: Double
        public var recall: Double
        /// How many requests are labelled with the class.
        public var support: Int
    }

    /// Precision and recall of every class of `field` that is labelled or predicted, by class.
    public func scores(_ field: Field) -> [ClassScore] {
        let pairs = labelledPairs(field)
        let codes = Set(pairs.map(\.expected)).union(pairs.map(\.predicted).filter { !$0.isEmpty }).sorted()
        return codes.map { code in
            let right = pairs.count { $0.expected == code && $0.predicted == code }
            let predicted = pairs.count { $0.predicted == code }
            let support = pairs.count { $0.expected == code }
            return ClassScore(
                code: code, precision: predicted == 0 ? 0 : Double(right) / Double(predicted),
                recall: support == 0 ? 0 : Double(right) / Double(support), support: support)
        }
    }

    /// How often each labelled class of `field` (outer key) was predicted as each class (inner
    /// key; "" when nothing was predicted).
    public func confusion(_ field: Field) -> [String: [String: Int]] {
        var confusion: [String: [String: Int]] = [:]
        for pair in labelledPairs(field) {
            confusion[pair.expected, default: [:]][pair.predicted, default: 0] += 1
        }
        return confusion
    }

    private func labelledPairs(_ field: Field) -> [(expected: String, predicted: String)] {
        outcomes.compactMap { outcome in
            Outcome.value(of: field, in: outcome.expected).map {
                (expected: $0, predicted: outcome.predicted[field, default: ""])
            }
        }
    }
}
