extension Evaluation {
    /// How one first-level code fares: of the requests predicted as it, the share right
    /// (precision); of the requests labelled with it, the share found (recall).
    public struct ClassScore: Sendable, Equatable {
        public var code: String
        public var precision: Double
        public var recall: Double
        /// How many requests are labelled with the code.
        public var support: Int
    }

    /// Precision and recall of every first-level code that is labelled or predicted, by code.
    public var level1Scores: [ClassScore] {
        let pairs = outcomes.compactMap { outcome in
            outcome.expected.level1.map { (expected: $0, predicted: outcome.predicted[.level1, default: ""]) }
        }
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

    /// How often each labelled first level (outer key) was predicted as each code (inner key;
    /// "" when nothing was predicted).
    public var level1Confusion: [String: [String: Int]] {
        var confusion: [String: [String: Int]] = [:]
        for outcome in outcomes {
            guard let expected = outcome.expected.level1 else { continue }
            confusion[expected, default: [:]][outcome.predicted[.level1, default: ""], default: 0] += 1
        }
        return confusion
    }
}
