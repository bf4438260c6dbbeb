/// Turns short Chinese text into the features the models weigh: characters, bigrams and
/// trigrams within runs of letters (punctuation, spaces and place names break runs), the words
/// of each run cut by the word dictionary, and the catalog keywords found anywhere in the text.
struct TextFeatures: Sendable {
    private static let ngramLengths = 1...3

    private let keywords: PhraseIndex<UInt64>
    private let dictionary: WordDictionary

    init(keywords: some Sequence<String>, dictionary: WordDictionary) {
        self.keywords = PhraseIndex(
            Set(keywords).filter { $0.unicodeScalars.count >= 2 }.map {
                (phrase: $0, value: Self.hash(Self.normalized(Array($0.unicodeScalars)), seed: Self.keywordSeed))
            })
        self.dictionary = dictionary
    }

    /// The feature keys of `scalars` (a key once per occurrence), leaving out the `masked`
    /// stretches (place names).
    func keys(of scalars: [Unicode.Scalar], masking masked: [Range<Int>] = []) -> [UInt64] {
        var text = Self.normalized(scalars)
        for span in masked where span.upperBound <= text.count {
            for offset in span { text[offset] = " " }
        }
        var keys: [UInt64] = []
        keys.reserveCapacity(text.count * 4 + 8)
        var runStart = 0
        for position in 0...text.count where position == text.count || !Self.isLetter(text[position]) {
            let run = text[runStart..<position]
            appendNgrams(of: run, to: &keys)
            dictionary.words(of: run, into: &keys)
            runStart = position + 1
        }
        keywords.forEachMatch(in: text) { keys.append($0) }
        return keys
    }

    private func appendNgrams(of run: ArraySlice<Unicode.Scalar>, to keys: inout [UInt64]) {
        for length in Self.ngramLengths where run.count >= length {
            var start = run.startIndex
            while start + length <= run.endIndex {
                keys.append(Self.hash(run[start..<(start + length)], seed: UInt64(length)))
                start += 1
            }
        }
    }

    static let keywordSeed: UInt64 = 0x6b65_7977_6f72_64
    static let wordSeed: UInt64 = 0x776f_7264

    /// The starting value of FNV-1a for a kind of feature.
    static func hashSeed(_ seed: UInt64) -> UInt64 { 0xcbf2_9ce4_8422_2325 ^ (seed &* 0x9e37_79b9_7f4a_7c15) }

    /// One step of FNV-1a.
    static func hash(_ hash: UInt64, _ scalar: Unicode.Scalar) -> UInt64 {
        (hash ^ UInt64(scalar.value)) &* 0x100_0000_01b3
    }

    /// FNV-1a over the scalars, seeded by the feature's kind.
    static func hash(_ scalars: some Collection<Unicode.Scalar>, seed: UInt64) -> UInt64 {
        scalars.reduce(hashSeed(seed), hash)
    }

    /// Full-width ASCII folded to ASCII, ASCII letters lower-cased.
    static func normalized(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        scalars.map { scalar in
            var value = scalar.value
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
            if (0x41...0x5A).contains(value) { value += 0x20 }
            return Unicode.Scalar(value) ?? scalar
        }
    }

    /// Han characters, letters and digits form runs; everything else separates them.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
