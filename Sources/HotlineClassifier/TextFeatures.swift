/// Turns short Chinese text into the features the model counts: character bigrams and trigrams
/// within runs of letters (punctuation, spaces and place names break runs), and the catalog
/// keywords found anywhere in the text, which weigh more.
struct TextFeatures: Sendable {
    /// A feature and how much one occurrence counts.
    struct Feature: Sendable {
        let key: UInt64
        let weight: Float
    }

    static let keywordWeight: Float = 3
    private static let ngramLengths = 2...3

    /// Keywords by their first scalar, each with its feature key.
    private let keywordsByFirstScalar: [Unicode.Scalar: [(scalars: [Unicode.Scalar], key: UInt64)]]

    init(keywords: some Sequence<String>) {
        var index: [Unicode.Scalar: [(scalars: [Unicode.Scalar], key: UInt64)]] = [:]
        for keyword in Set(keywords) {
            let scalars = Self.normalized(Array(keyword.unicodeScalars))
            guard scalars.count >= 2 else { continue }
            index[scalars[0], default: []].append((scalars, Self.hash(scalars, seed: Self.keywordSeed)))
        }
        keywordsByFirstScalar = index
    }

    /// The features of `scalars`, leaving out the `masked` stretches (place names).
    func features(of scalars: [Unicode.Scalar], masking masked: [Range<Int>] = []) -> [Feature] {
        var text = Self.normalized(scalars)
        for span in masked where span.upperBound <= text.count {
            for offset in span { text[offset] = " " }
        }
        var features: [Feature] = []
        features.reserveCapacity(text.count * 2 + 4)
        var runStart = 0
        for position in 0...text.count {
            let breaks = position == text.count || !Self.isLetter(text[position])
            if breaks {
                appendNgrams(of: text[runStart..<position], to: &features)
                runStart = position + 1
            }
        }
        for position in text.indices {
            guard let candidates = keywordsByFirstScalar[text[position]] else { continue }
            for candidate in candidates where Self.occurs(candidate.scalars, in: text, at: position) {
                features.append(Feature(key: candidate.key, weight: Self.keywordWeight))
            }
        }
        return features
    }

    private func appendNgrams(of run: ArraySlice<Unicode.Scalar>, to features: inout [Feature]) {
        for length in Self.ngramLengths where run.count >= length {
            var start = run.startIndex
            while start + length <= run.endIndex {
                features.append(Feature(key: Self.hash(run[start..<(start + length)], seed: UInt64(length)), weight: 1))
                start += 1
            }
        }
        if run.count == 1 { features.append(Feature(key: Self.hash(run, seed: 1), weight: 1)) }
    }

    private static let keywordSeed: UInt64 = 0x6b65_7977_6f72_64

    /// FNV-1a over the scalars, seeded by the feature's kind.
    private static func hash(_ scalars: some Collection<Unicode.Scalar>, seed: UInt64) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ (seed &* 0x9e37_79b9_7f4a_7c15)
        for scalar in scalars {
            hash = (hash ^ UInt64(scalar.value)) &* 0x100_0000_01b3
        }
        return hash
    }

    private static func occurs(_ keyword: [Unicode.Scalar], in text: [Unicode.Scalar], at position: Int) -> Bool {
        guard position + keyword.count <= text.count else { return false }
        for offset in keyword.indices where keyword[offset] != text[position + offset] { return false }
        return true
    }

    /// Full-width ASCII folded to ASCII, ASCII letters lower-cased.
    private static func normalized(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
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
