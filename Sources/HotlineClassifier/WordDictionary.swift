import Foundation

/// Chinese words with their frequencies, for cutting a run of characters into its most probable
/// words (the product of the words' unigram probabilities, found by dynamic programming).
/// Data: `Schemas/catalog/word_frequencies.txt` (from jieba's dictionary, MIT), plus the
/// catalog's keywords and leaf names.
public struct WordDictionary: Sendable {
    /// What the dictionary knows of a run of scalars: its log probability when it is a word, and
    /// whether it starts a longer word (so a lookup stops where no word can continue).
    struct Entry: BitwiseCopyable, Sendable {
        var logProbability: Float?
        var isPrefix = false
    }

    /// Entries by the key of their scalars.
    private var entries: KeyTable<Entry>
    /// How many entries are words.
    private var wordCount = 0
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
        var words: [(scalars: [Unicode.Scalar], frequency: Float)] = []
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            guard parts.count >= 2, let frequency = Float(parts[1]), frequency > 0,
                case let scalars = Array(parts[0].unicodeScalars), scalars.count <= Self.longestWord
            else { continue }
            words.append((scalars, frequency))
        }
        let total = max(words.reduce(0) { $0 + $1.frequency }, 1)
        entries = KeyTable(capacity: words.count * 2)
        longest = 1
        unknownCharacter = logf(1 / total) - 2
        self.total = total
        for word in words { add(word.scalars, logProbability: logf(word.frequency / total)) }
    }

    /// Records `scalars` as a word of that log probability (the last one given wins) and its
    /// proper prefixes as prefixes.
    private mutating func add(_ scalars: [Unicode.Scalar], logProbability: Float) {
        var hash = TextFeatures.hashSeed(TextFeatures.wordSeed)
        for scalar in scalars.dropLast() {
            hash = TextFeatures.hash(hash, scalar)
            var entry = entries[hash] ?? Entry()
            if !entry.isPrefix {
                entry.isPrefix = true
                entries.set(entry, for: hash)
            }
        }
        let key = TextFeatures.hash(scalars, seed: TextFeatures.wordSeed)
        var entry = entries[key] ?? Entry()
        if entry.logProbability == nil { wordCount += 1 }
        entry.logProbability = logProbability
        entries.set(entry, for: key)
        longest = max(longest, scalars.count)
    }

    /// This dictionary with `words` added at `addedWordFrequency`, unless it has them already.
    func adding(_ words: some Sequence<String>) -> WordDictionary {
        var copy = self
        for word in words {
            let scalars = TextFeatures.normalized(Array(word.unicodeScalars))
            guard (2...Self.longestWord).contains(scalars.count) else { continue }
            let key = TextFeatures.hash(scalars, seed: TextFeatures.wordSeed)
            if copy.entries[key]?.logProbability == nil {
                copy.add(scalars, logProbability: logf(Self.addedWordFrequency / total))
            }
        }
        return copy
    }

    /// How many words the dictionary knows.
    public var count: Int { wordCount }

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
                let entry = entries[hash]
                if let score = entry?.logProbability ?? (length == 1 ? unknownCharacter : nil),
                    best[start] + score > best[start + length]
                {
                    best[start + length] = best[start] + score
                    cutFrom[start + length] = start
                    wordKey[start + length] = length >= 2 ? hash : 0
                }
                if entry?.isPrefix != true { break }
            }
        }
        var end = count
        while end > 0 {
            if wordKey[end] != 0 { keys.append(wordKey[end]) }
            end = cutFrom[end]
        }
    }
}
