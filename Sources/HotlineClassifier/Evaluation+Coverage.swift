extension Evaluation {
    /// What a review threshold on the first level's confidence does: the share of requests at or
    /// above it (dispatched without review) and the first-level accuracy among them.
    public struct CoveragePoint: Sendable, Equatable {
        /// Requests whose first-level confidence is below this wait for review; nil: all do.
        public var threshold: Double?
        public var coverage: Double
        public var accuracy: Double
        /// The share of requests sent to review.
        public var reviewShare: Double { 1 - coverage }
    }

    /// Accuracy against coverage at each of `thresholds`.
    public func coverageCurve(thresholds: [Double] = [0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99]) -> [CoveragePoint] {
        let judged = judgedByConfidence()
        return thresholds.map { threshold in
            let dispatched = judged.filter { $0.confidence >= threshold }
            return CoveragePoint(
                threshold: threshold, coverage: share(dispatched.count, of: judged.count),
                accuracy: share(dispatched.count { $0.right }, of: dispatched.count))
        }
    }

    /// The lowest threshold at which the requests dispatched without review are at least
    /// `target` right in first level, with the share dispatched; a nil threshold when even the
    /// most confident answers miss the target (everything is reviewed).
    public func reviewThreshold(forAccuracy target: Double = 0.95) -> CoveragePoint {
        let judged = judgedByConfidence()
        var best = CoveragePoint(threshold: nil, coverage: 0, accuracy: 0)
        var right = 0
        for (offset, outcome) in judged.enumerated() {
            if outcome.right { right += 1 }
            let isLastOfItsValue = offset + 1 == judged.count || judged[offset + 1].confidence < outcome.confidence
            let accuracy = Double(right) / Double(offset + 1)
            if isLastOfItsValue, accuracy >= target {
                best = CoveragePoint(
                    threshold: outcome.confidence, coverage: share(offset + 1, of: judged.count), accuracy: accuracy)
            }
        }
        return best
    }

    /// The requests labelled with a first level, most confident first, and whether each is right.
    private func judgedByConfidence() -> [(confidence: Double, right: Bool)] {
        outcomes.compactMap { outcome in outcome.isRight(.level1).map { (outcome.level1Confidence, $0) } }
            .sorted { $0.confidence > $1.confidence }
    }

    private func share(_ part: Int, of whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) }
}
