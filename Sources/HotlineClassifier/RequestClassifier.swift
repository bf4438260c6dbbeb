public import HotlineDomain

/// Classifies a request into a catalog leaf, an urgency tier and a place. Trained from the
/// catalog's leaves (names, keywords, examples) plus operators' corrections; deterministic for
/// the same inputs, so every instance of the worker trained on the same data agrees.
public struct RequestClassifier: Sendable {
    public let catalog: Catalog
    public let gazetteer: Gazetteer
    public let cues: UrgencyCues
    /// How many labelled examples beyond the catalog the model learnt from.
    public let correctionCount: Int
    private let features: TextFeatures
    private let model: NaiveBayesModel
    private let leafCodes: [String]
    private let leafIndex: [String: Int]
    /// For each leaf, the index of its first-level entry among `level1Codes`.
    private let leafLevel1: [Int]

    /// How many runners-up a classification lists.
    static let candidateCount = 5
    /// A correction counts as this many catalog examples: it is a real request, labelled by a person.
    static let correctionWeight: Float = 2

    public init(catalog: Catalog, gazetteer: Gazetteer, cues: UrgencyCues, corrections: [LabelledExample] = []) {
        self.catalog = catalog
        self.gazetteer = gazetteer
        self.cues = cues
        leafCodes = catalog.leaves.map(\.code)
        leafIndex = Dictionary(uniqueKeysWithValues: leafCodes.enumerated().map { ($1, $0) })
        let level1Codes = Array(Set(catalog.leaves.map { catalog.path(to: $0.code)[0] })).sorted()
        let level1Index = Dictionary(uniqueKeysWithValues: level1Codes.enumerated().map { ($1, $0) })
        leafLevel1 = catalog.leaves.map { level1Index[catalog.path(to: $0.code)[0]] ?? 0 }
        let features = TextFeatures(keywords: catalog.leaves.flatMap(\.keywords))
        self.features = features

        var documents: [(classIndex: Int, features: [TextFeatures.Feature])] = []
        func document(_ text: String, _ classIndex: Int, weight: Float = 1) {
            let scalars = Array(text.unicodeScalars)
            let found = features.features(of: scalars, masking: gazetteer.resolve(scalars).spans)
            documents.append(
                (classIndex, weight == 1 ? found : found.map { .init(key: $0.key, weight: $0.weight * weight) }))
        }
        for (index, leaf) in catalog.leaves.enumerated() {
            document(leaf.name, index)
            if let parent = leaf.parentCode.flatMap({ catalog[$0] }) { document(parent.name, index, weight: 0.5) }
            for keyword in leaf.keywords { document(keyword, index) }
            for example in leaf.examples { document(example, index) }
        }
        var used = 0
        for correction in corrections {
            guard let index = leafIndex[correction.leafCode] else { continue }
            document(correction.text, index, weight: Self.correctionWeight)
            used += 1
        }
        correctionCount = used
        model = NaiveBayesModel(classCount: leafCodes.count, documents: documents)
    }

    /// Classifies the request `text` made about the place `location`.
    public func classify(text: String, location: String = "") -> Classification {
        let scalars = Array(text.unicodeScalars)
        let textPlace = gazetteer.resolve(scalars)
        let place = gazetteer.combine(location: gazetteer.resolve(Array(location.unicodeScalars)), text: textPlace)
        let ranking = model.rank(
            features.features(of: scalars, masking: textPlace.spans), limit: Self.candidateCount, groupOf: leafLevel1)
        guard let ranking, let best = ranking.top.first else {
            return Classification(
                leafCode: nil, path: [], urgency: cues.tier(of: scalars, leafDefault: .general), place: place,
                confidence: 0,
                level1Confidence: 0, candidates: [])
        }
        let leaf = catalog.leaves[best.classIndex]
        return Classification(
            leafCode: leaf.code, path: catalog.path(to: leaf.code),
            urgency: cues.tier(of: scalars, leafDefault: leaf.defaultUrgency ?? .general), place: place,
            confidence: best.probability, level1Confidence: ranking.bestGroupProbability,
            candidates: candidates(ranking))
    }

    /// The leaves that best match an operator's search words, best first.
    public func searchLeaves(_ query: String, limit: Int) -> [Classification.Candidate] {
        let scalars = Array(query.unicodeScalars)
        return model.rank(features.features(of: scalars), limit: limit, groupOf: leafLevel1).map(candidates) ?? []
    }

    private func candidates(_ ranking: Ranking) -> [Classification.Candidate] {
        ranking.top.map { .init(leafCode: leafCodes[$0.classIndex], probability: $0.probability) }
    }
}
