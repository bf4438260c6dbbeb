public import HotlineDomain

/// Phrases that tell what a caller wants (a question, thanks, a proposal, a report, a plea for
/// help), as features of the type model beside the words of the request.
struct TypeCues: Sendable {
    /// The phrases of each type.
    static let phrases: [(phrase: String, value: TicketType)] = [
        ("请问", .consultation), ("想问", .consultation), ("问一下", .consultation), ("咨询", .consultation),
        ("怎么办理", .consultation), ("如何", .consultation), ("需要什么", .consultation), ("哪些材料", .consultation),
        ("去哪里", .consultation), ("能不能", .consultation), ("吗？", .consultation), ("怎么", .consultation),
        ("表扬", .praise), ("感谢", .praise), ("谢谢", .praise), ("点赞", .praise), ("锦旗", .praise),
        ("建议", .suggestion), ("希望增加", .suggestion), ("举报", .report), ("帮帮", .help), ("帮忙", .help),
    ]

    private let index: PhraseIndex<TicketType>
    /// Feature index of "a phrase of type t was found", by type.
    private let featureIndex: [TicketType: Int32]

    /// Registers the type features in `space`.
    init(space: inout FeatureSpace) {
        index = PhraseIndex(Self.phrases)
        var featureIndex: [TicketType: Int32] = [:]
        for (offset, type) in TicketType.allCases.enumerated() {
            featureIndex[type] = space.addDenseFeature(0x7479_7065_00 + UInt64(offset))
        }
        self.featureIndex = featureIndex
    }

    /// The type features of `scalars`.
    func features(of scalars: [Unicode.Scalar]) -> [(index: Int32, value: Float)] {
        var found = Set<TicketType>()
        index.forEachMatch(in: TextFeatures.normalized(scalars)) { found.insert($0) }
        return TicketType.allCases.filter(found.contains).compactMap { featureIndex[$0].map { ($0, Float(1)) } }
    }
}
