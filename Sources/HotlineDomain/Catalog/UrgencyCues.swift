
/// Words in a request that change its urgency tier from the leaf's default: danger words make
/// it an emergency (E), outage words a living-support repair (L), words of a long-standing or
/// many-sided problem a complex one (C). Data: `Schemas/catalog/urgency_cues.csv`.
public struct UrgencyCues: Sendable {
    /// Each phrase with the tier it points to.
    public let phrases: [(tier: UrgencyTier, phrase: String)]

    public init(_ phrases: [(tier: UrgencyTier, phrase: String)]) {
        self.phrases = phrases
    }

    /// Reads `tier,phrase` rows.
    public init(csv table: CSVTable) throws(CSVError) {
        var phrases: [(tier: UrgencyTier, phrase: String)] = []
        for (index, record) in table.namedRecords.enumerated() {
            guard let tier = UrgencyTier(rawValue: record["tier", default: ""]), let phrase = record["phrase"], !phrase.isEmpty else {
                throw CSVError(line: index + 2, message: "an urgency cue needs a tier (E, L, G, C) and a phrase")
            }
            phrases.append((tier, phrase))
        }
        self.init(phrases)
    }

    /// The tier of a request of a leaf whose default is `leafDefault`: an emergency cue or an
    /// emergency leaf gives E; else a complex cue gives C; else a living-support cue lifts a
    /// general leaf to L; else the leaf's default stands.
    public func tier(of text: String, leafDefault: UrgencyTier) -> UrgencyTier {
        let found = Set(phrases.filter { text.contains($0.phrase) }.map(\.tier))
        if leafDefault == .emergency || found.contains(.emergency) { return .emergency }
        if found.contains(.complex) { return .complex }
        if leafDefault == .general, found.contains(.livelihood) { return .livelihood }
        return leafDefault
    }
}
