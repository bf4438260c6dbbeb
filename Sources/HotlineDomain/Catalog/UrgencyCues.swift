/// Words in a request that change its urgency tier from the leaf's default: danger words make
/// it an emergency (E), outage words a living-support repair (L), words of a long-standing or
/// many-sided problem a complex one (C). Data: `Schemas/catalog/urgency_cues.csv`.
public struct UrgencyCues: Sendable {
    /// Each phrase with the tier it points to.
    public let phrases: [(tier: UrgencyTier, phrase: String)]
    /// The phrases as scalars, by their first scalar, for one pass over a request.
    private let phrasesByFirstScalar: [Unicode.Scalar: [(tier: UrgencyTier, scalars: [Unicode.Scalar])]]

    /// Cues from phrases, each with the tier it points to.
    public init(_ phrases: [(tier: UrgencyTier, phrase: String)]) {
        self.phrases = phrases
        phrasesByFirstScalar = Dictionary(
            grouping: phrases.compactMap { cue in
                let scalars = Array(cue.phrase.unicodeScalars)
                return scalars.isEmpty ? nil : (tier: cue.tier, scalars: scalars)
            }, by: { $0.scalars[0] })
    }

    /// Reads `tier,phrase` rows.
    public init(csv table: CSVTable) throws(CSVError) {
        var phrases: [(tier: UrgencyTier, phrase: String)] = []
        for (index, record) in table.namedRecords.enumerated() {
            guard let tier = UrgencyTier(rawValue: record["tier", default: ""]), let phrase = record["phrase"],
                !phrase.isEmpty
            else {
                throw CSVError(line: index + 2, message: "an urgency cue needs a tier (E, L, G, C) and a phrase")
            }
            phrases.append((tier, phrase))
        }
        self.init(phrases)
    }

    /// The order of the labelling rules (`docs/classification-labelling.md`) when several tiers
    /// apply to one request: emergency, then basic living, then complex, then general.
    public static let precedence: [UrgencyTier] = [.emergency, .livelihood, .complex, .general]

    /// The tier of a request whose cues point to `found`, of a leaf whose default is
    /// `leafDefault`: the first of them in `precedence`. The one rule every caller of the cues
    /// (the ticket's classification, the training examples' labels, the urgency overlay) follows.
    public static func tier(found: Set<UrgencyTier>, leafDefault: UrgencyTier) -> UrgencyTier {
        precedence.first { $0 == leafDefault || found.contains($0) } ?? .general
    }

    /// The tier of a request of a leaf whose default is `leafDefault`, by `tier(found:leafDefault:)`
    /// over the cues found in `text`.
    public func tier(of text: String, leafDefault: UrgencyTier) -> UrgencyTier {
        tier(of: Array(text.unicodeScalars), leafDefault: leafDefault)
    }

    /// `tier(of:leafDefault:)` for a request already split into scalars.
    public func tier(of text: [Unicode.Scalar], leafDefault: UrgencyTier) -> UrgencyTier {
        Self.tier(found: tiers(in: text), leafDefault: leafDefault)
    }

    /// The tiers the cue phrases found in `text` point to.
    public func tiers(in text: [Unicode.Scalar]) -> Set<UrgencyTier> {
        var found = Set<UrgencyTier>()
        for position in text.indices {
            guard let candidates = phrasesByFirstScalar[text[position]] else { continue }
            for candidate in candidates
            where position + candidate.scalars.count <= text.count
                && text[position..<(position + candidate.scalars.count)].elementsEqual(candidate.scalars)
            {
                found.insert(candidate.tier)
            }
        }
        return found
    }
}
