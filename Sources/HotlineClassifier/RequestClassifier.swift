public import HotlineDomain

/// Classifies a request into a catalog leaf, an urgency tier, a request type and a place.
/// Trained from the catalog's leaves (names, keywords, examples), the labelled training requests
/// and operators' corrections: a first-level model, a leaf model per first level, an urgency
/// model with cue features and a type model, each a logistic regression over the same text
/// features. Deterministic for the same inputs, so every instance trained on the same data agrees.
public struct RequestClassifier: Sendable {
    public let catalog: Catalog
    public let gazetteer: Gazetteer
    public let cues: UrgencyCues
    /// How many operators' labelled examples the model learnt from.
    public let correctionCount: Int
    /// How many training documents the models learnt from (catalog entries, requests, corrections).
    public let documentCount: Int
    let features: TextFeatures
    let space: FeatureSpace
    let cueFeatures: CueFeatures
    let typeCues: TypeCues
    let level1Codes: [String]
    let level1Model: SoftmaxRegression
    /// One per entry of `level1Codes`.
    let leafModels: [LeafModel]
    let urgencyModel: SoftmaxRegression
    let typeModel: SoftmaxRegression

    /// How many runners-up a classification lists.
    static let candidateCount = 5
    /// A correction counts as this many training requests: it is a real request, labelled by a person.
    static let correctionWeight: Float = 2
    /// Every this-many-th training request is held out to fit the first level's temperature.
    static let calibrationStride = 5
    static let urgencyTiers = UrgencyTier.allCases
    static let requestTypes = TicketType.allCases

    public init(
        catalog: Catalog, gazetteer: Gazetteer, cues: UrgencyCues, data: ClassifierData = .empty,
        corrections: [LabelledExample] = []
    ) {
        self.catalog = catalog
        self.gazetteer = gazetteer
        self.cues = cues
        let leaves = catalog.leaves
        let leafIndex = Dictionary(uniqueKeysWithValues: leaves.enumerated().map { ($1.code, $0) })
        level1Codes = Array(Set(leaves.map { catalog.path(to: $0.code)[0] })).sorted()
        let level1Index = Dictionary(uniqueKeysWithValues: level1Codes.enumerated().map { ($1, $0) })
        let leafLevel1 = leaves.map { level1Index[catalog.path(to: $0.code)[0]] ?? 0 }
        let keywords = leaves.flatMap(\.keywords)
        features = TextFeatures(
            keywords: keywords, dictionary: data.dictionary.adding(keywords + leaves.map(\.name)))

        let corpus = TrainingCorpus(
            catalog: catalog, cues: cues, data: data, corrections: corrections, leafIndex: leafIndex)
        correctionCount = corpus.correctionCount
        documentCount = corpus.documents.count
        let keys = corpus.documents.map { [features, gazetteer] document in
            let scalars = Array(document.text.unicodeScalars)
            return features.keys(of: scalars, masking: gazetteer.resolve(scalars).spans)
        }
        var space = FeatureSpace(documents: keys)
        cueFeatures = CueFeatures(cues: cues, space: &space)
        typeCues = TypeCues(space: &space)
        self.space = space
        let vectors = keys.map(space.vector)

        let schedule = SoftmaxRegression.Schedule()
        let leafExamples = zip(vectors, corpus.documents).map { vector, document in
            SoftmaxRegression.Example(vector: vector, label: document.leaf, weight: document.weight)
        }
        let level1Examples = leafExamples.map {
            SoftmaxRegression.Example(vector: $0.vector, label: leafLevel1[$0.label], weight: $0.weight)
        }
        let held = corpus.documents.indices.filter {
            corpus.documents[$0].isRequest && $0 % Self.calibrationStride == 0
        }
        let heldSet = Set(held)
        var calibrating = SoftmaxRegression(
            classCount: level1Codes.count, featureCount: space.count,
            examples: level1Examples.indices.filter { !heldSet.contains($0) }.map { level1Examples[$0] },
            schedule: schedule)
        calibrating.calibrate(on: held.map { level1Examples[$0] })
        var level1Model = SoftmaxRegression(
            classCount: level1Codes.count, featureCount: space.count, examples: level1Examples, schedule: schedule)
        level1Model.temperature = calibrating.temperature
        self.level1Model = level1Model
        leafModels = level1Codes.indices.map { level1 in
            LeafModel(
                leaves: leaves.indices.filter { leafLevel1[$0] == level1 }, examples: leafExamples, schedule: schedule)
        }

        var urgencyExamples: [SoftmaxRegression.Example] = []
        var typeExamples: [SoftmaxRegression.Example] = []
        for (vector, document) in zip(vectors, corpus.documents) {
            if let urgency = document.urgency, let label = Self.urgencyTiers.firstIndex(of: urgency) {
                let cueVector = vector.appending(
                    cueFeatures.features(
                        found: cueFeatures.tiers(in: Array(document.text.unicodeScalars)),
                        leafDefault: leaves[document.leaf].defaultUrgency ?? .general))
                urgencyExamples.append(.init(vector: cueVector, label: label, weight: document.weight))
            }
            if let type = document.type, let label = Self.requestTypes.firstIndex(of: type) {
                let cueVector = vector.appending(typeCues.features(of: Array(document.text.unicodeScalars)))
                typeExamples.append(.init(vector: cueVector, label: label, weight: document.weight))
            }
        }
        urgencyModel = SoftmaxRegression(
            classCount: Self.urgencyTiers.count, featureCount: space.count, examples: urgencyExamples,
            schedule: schedule)
        typeModel = SoftmaxRegression(
            classCount: Self.requestTypes.count, featureCount: space.count, examples: typeExamples, schedule: schedule)
    }

    /// The bytes the models' weights and feature tables take (an estimate).
    public var memoryBytes: Int {
        level1Model.memoryBytes + leafModels.reduce(0) { $0 + $1.memoryBytes } + urgencyModel.memoryBytes
            + typeModel.memoryBytes + space.count * 20
    }

    /// The temperature fitted to the first level's held-out training requests.
    public var level1Temperature: Double { Double(level1Model.temperature) }
}
