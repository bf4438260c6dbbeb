import Foundation

/// Chinese words with their frequencies, for cutting a run of characters into its most probable
/// words (the product of the words' unigram probabilities, found by dynamic programming).
/// Data: `Schemas/catalog/word_frequencies.txt` (from jieba's dictionary, MIT), plus the
/// catalog's keywords and leaf names.
public struct WordDictionary: Sendable {
    /// Word key → log probability.
    private var logProbability: [UInt64: Float]
    /// Keys of the proper prefixes of the words, so a lookup stops where no word can continue.
    private var prefixes: Set<UInt64>
    /// The log probability of a character that starts no known word.
    private let unknownCharacter: Float
    /// The sum of the frequencies.
    private let total: Float
    /// The longest word, in scalars.
    private var longest: Int

    /// How often an added word (a catalog keyword) counts, against the dictionary's frequencies.
    static let addedWordFrequency: Float = 300
    /// Words longer than this are not looked up.
    static let longestWord = 8

    /// Reads `word frequency` lines; blank lines and lines starting with `#` are skipped.
    public init(text: String) {
        var frequencies: [UInt64: Float] = [:]
        var prefixes = Set<UInt64>()
        var longest = 1
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            guard parts.count >= 2, let frequency = Float(parts[1]), frequency > 0,
                case let scalars = Array(parts[0].unicodeScalars), scalars.count <= Self.longestWord
            else { continue }
            frequencies[TextFeatures.hash(scalars, seed: TextFeatures.wordSeed)] = frequency
            Self.insertPrefixes(of: scalars, into: &prefixes)
            longest = max(longest, scalars.count)
        }
        let total = max(frequencies.values.reduce(0, +), 1)
        logProbability = frequencies.mapValues { logf($0 / total) }
        unknownCharacter = logf(1 / total) - 2
        self.total = total
        self.prefixes = prefixes
        self.longest = longest
    }

    private static func insertPrefixes(of scalars: [Unicode.Scalar], into prefixes: inout Set<UInt64>) {
        var hash = TextFeatures.hashSeed(TextFeatures.wordSeed)
        for scalar in scalars.dropLast() {
            hash = TextFeatures.hash(hash, scalar)
            prefixes.insert(hash)
        }
    }

    /// This dictionary with `words` added at `addedWordFrequency`, unless it has them already.
    func adding(_ words: some Sequence<String>) -> WordDictionary {
        var copy = self
        for word in words {
            let scalars = TextFeatures.normalized(Array(word.unicodeScalars))
            guard (2...Self.longestWord).contains(scalars.count) else { continue }
            let key = TextFeatures.hash(scalars, seed: TextFeatures.wordSeed)
            if copy.logProbability[key] == nil {
                copy.logProbability[key] = logf(Self.addedWordFrequency / total)
                Self.insertPrefixes(of: scalars, into: &copy.prefixes)
                copy.longest = max(copy.longest, scalars.count)
            }
        }
        return copy
    }

    /// How many words the dictionary knows.
    public var count: Int { logProbability.count }

    /// The words of two or more scalars in the most probable cut of `run`, as feature keys.
    func words(of run: ArraySlice<Unicode.Scalar>, into keys: inout [UInt64]) {
        let count = run.count
        guard count >= 2 else { return }
        var best = [Float](repeating: -.infinity, count: count + 1)
        var cutFrom = [Int](repeating: 0, count: count + 1)
        var wordKey = [UInt64](repeating: 0, count: count + 1)
        best[0] = 0
        for start in 0..<count where best[start] > -.infinity {
            var hash = TextFeatures.hashSeed(TextFeatures.wordSeed)
            for length in 1...min(longest, count - start) {
                hash = TextFeatures.hash(hash, run[run.startIndex + start + length - 1])
                if let score = logProbability[hash] ?? (length == 1 ? unknownCharacter : nil),
                    best[start] + score > best[start + length]
                {
                    best[start + length] = best[start] + score
                    cutFrom[start + length] = start
                    wordKey[start + length] = length >= 2 ? hash : 0
                }
                if !prefixes.contains(hash) { break }
            }
        }
        var end = count
        while end > 0 {
            if wordKey[end] != 0 { keys.append(wordKey[end]) }
            end = cutFrom[end]
        }
    }
}
