import HotlineDomain

extension RequestClassifier {
    /// Classifies the request `text` made about the place `location`.
    public func classify(text: String, location: String = "") -> Classification {
        let scalars = Array(text.unicodeScalars)
        let textPlace = gazetteer.resolve(scalars)
        let place = gazetteer.combine(location: gazetteer.resolve(Array(location.unicodeScalars)), text: textPlace)
        let vector = space.vector(features.keys(of: scalars, masking: textPlace.spans))
        guard !vector.indices.isEmpty else {
            return Classification(
                leafCode: nil, path: [], urgency: cues.tier(of: scalars, leafDefault: .general), place: place,
                confidence: 0, level1Confidence: 0, candidates: [])
        }
        let ranking = rank(vector, limit: Self.candidateCount)
        let leaf = catalog.leaves[ranking.chosen.leaf]
        let found = cueFeatures.tiers(in: scalars)
        let urgency = urgencyModel.probabilities(
            vector.appending(cueFeatures.features(found: found, leafDefault: leaf.defaultUrgency ?? .general)))
        let type = Self.requestTypes[
            Self.best(typeModel.probabilities(vector.appending(typeCues.features(of: scalars))))]
        return Classification(
            leafCode: leaf.code, path: catalog.path(to: leaf.code),
            urgency: UrgencyRule.tier(predicted: Self.urgencyTiers[Self.best(urgency)], cues: found, type: type),
            place: place,
            confidence: ranking.chosen.probability, level1Confidence: ranking.level1Probability,
            candidates: ranking.candidates, requestType: type)
    }

    /// The leaves that best match an operator's search words, best first.
    public func searchLeaves(_ query: String, limit: Int) -> [Classification.Candidate] {
        let vector = space.vector(features.keys(of: Array(query.unicodeScalars)))
        guard !vector.indices.isEmpty else { return [] }
        return rank(vector, limit: limit).candidates
    }

    /// The leaf chosen for `vector` (the best leaf of the most probable first level), and the
    /// `limit` most probable leaves overall, a leaf's probability being its first level's times
    /// its own within that level.
    private func rank(_ vector: SparseVector, limit: Int) -> LeafRanking {
        let level1 = level1Model.probabilities(vector)
        let order = level1.indices.sorted { level1[$0] > level1[$1] }
        let kept = max(limit, 1)
        var top: [(leaf: Int, probability: Float)] = []
        var chosen: (leaf: Int, probability: Float)?
        var covered: Float = 0
        for code in order.prefix(Self.levelsRanked) {
            let model = leafModels[code]
            let within = model.probabilities(vector)
            for (position, probability) in within.enumerated() {
                let joint = (leaf: model.leaves[position], probability: level1[code] * probability)
                if top.count < kept || Self.ranksBefore(joint, top[top.count - 1]) {
                    top.insert(joint, at: top.firstIndex { Self.ranksBefore(joint, $0) } ?? top.count)
                    if top.count > kept { top.removeLast() }
                }
                if code == order[0], joint.probability > chosen?.probability ?? -1 { chosen = joint }
            }
            covered += level1[code]
            if covered > 0.995 { break }
        }
        let best = chosen ?? top[0]
        return LeafRanking(
            chosen: .init(leaf: best.leaf, probability: Double(best.probability)),
            level1Probability: Double(level1[order[0]]),
            candidates: top.prefix(limit).map {
                .init(leafCode: catalog.leaves[$0.leaf].code, probability: Double($0.probability))
            })
    }

    /// Whether leaf `first` ranks before `second`: more probable, or as probable and earlier in the catalog.
    private static func ranksBefore(
        _ first: (leaf: Int, probability: Float), _ second: (leaf: Int, probability: Float)
    )
        -> Bool
    {
        first.probability > second.probability || (first.probability == second.probability && first.leaf < second.leaf)
    }

    /// How many first levels have their leaves ranked, at most.
    static var levelsRanked: Int { 3 }

    static func best(_ probabilities: [Float]) -> Int {
        probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0
    }
}

/// The chosen leaf of a request, its first level's probability and the runners-up.
struct LeafRanking {
    /// The chosen leaf (its index among the catalog's leaves) and its probability.
    struct Chosen {
        let leaf: Int
        let probability: Double
    }

    let chosen: Chosen
    let level1Probability: Double
    let candidates: [Classification.Candidate]
}
