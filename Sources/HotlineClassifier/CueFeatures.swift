public import HotlineDomain

/// Features outside the text's words that the urgency model weighs: which tiers the urgency cues
/// of the request point to, and the default tier of the leaf the request is about.
struct CueFeatures: Sendable {
    private let cues: PhraseIndex<UrgencyTier>
    /// Feature index of "a cue of tier t was found", by tier.
    private let cueIndex: [UrgencyTier: Int32]
    /// Feature index of "the leaf's default tier is t", by tier.
    private let defaultIndex: [UrgencyTier: Int32]

    /// Registers the cue features in `space`.
    init(cues: UrgencyCues, space: inout FeatureSpace) {
        self.cues = PhraseIndex(cues.phrases.map { (phrase: $0.phrase, value: $0.tier) })
        var cueIndex: [UrgencyTier: Int32] = [:]
        var defaultIndex: [UrgencyTier: Int32] = [:]
        for (offset, tier) in UrgencyTier.allCases.enumerated() {
            cueIndex[tier] = space.addDenseFeature(0x6375_6500 + UInt64(offset))
            defaultIndex[tier] = space.addDenseFeature(0x6466_7400 + UInt64(offset))
        }
        self.cueIndex = cueIndex
        self.defaultIndex = defaultIndex
    }

    /// The tiers the urgency cues found in `scalars` point to.
    func tiers(in scalars: [Unicode.Scalar]) -> Set<UrgencyTier> {
        var found = Set<UrgencyTier>()
        cues.forEachMatch(in: TextFeatures.normalized(scalars)) { found.insert($0) }
        return found
    }

    /// The cue features of a request whose cues point to `found`, for a leaf whose default tier
    /// is `leafDefault`.
    func features(found: Set<UrgencyTier>, leafDefault: UrgencyTier) -> [(index: Int32, value: Float)] {
        var features = found.sorted { $0.rawValue < $1.rawValue }.compactMap { cueIndex[$0].map { ($0, Float(1)) } }
        if let index = defaultIndex[leafDefault] { features.append((index, 1)) }
        return features
    }
}
