import Foundation
import HotlineClassifier
import HotlineDomain
import HotlineSimulation

/// A deterministic catalog of made-up Chinese words, shaped like a city's real one: each leaf
/// has six keywords and three example requests; requests mix a leaf's keywords with filler.
struct SyntheticCatalog {
    private var random: SeededGenerator
    private let alphabet: [Character]

    /// A catalog drawn with `seed` from the CJK characters of `alphabet`.
    init(seed: UInt64, alphabet: some Sequence<Character>) {
        random = SeededGenerator(seed: seed)
        self.alphabet = Array(
            Set(alphabet.filter { $0.unicodeScalars.first.map { $0.value >= 0x4E00 && $0.value <= 0x9FFF } ?? false })
        )
        .sorted()
    }

    private mutating func number(below bound: Int) -> Int { Int(random.next() % UInt64(bound)) }

    private mutating func word(length: Int) -> String {
        String((0..<length).map { _ in alphabet[number(below: alphabet.count)] })
    }

    /// A catalog with that many entries per level.
    mutating func catalog(level1: Int, level2: Int, level3: Int) throws -> Catalog {
        var entries: [CatalogEntry] = []
        let tiers: [UrgencyTier] = [.general, .general, .general, .livelihood, .emergency, .complex]
        for first in 0..<level1 {
            entries.append(
                CatalogEntry(code: String(format: "S%02d", first), parentCode: nil, level: 1, name: word(length: 4)))
        }
        for second in 0..<level2 {
            entries.append(
                CatalogEntry(
                    code: String(format: "S%02d%03d", second % level1, second),
                    parentCode: String(format: "S%02d", second % level1),
                    level: 2, name: word(length: 4)))
        }
        let parents = entries.filter { $0.level == 2 }.map(\.code)
        for third in 0..<level3 {
            let parent = parents[third % parents.count]
            let keywords = (0..<6).map { _ in word(length: 2 + number(below: 3)) }
            var examples: [String] = []
            for _ in 0..<3 {
                examples.append(
                    word(length: 4 + number(below: 6)) + keywords[number(below: 6)]
                        + word(length: 6 + number(below: 10))
                        + keywords[number(below: 6)])
            }
            entries.append(
                CatalogEntry(
                    code: "\(parent)\(String(format: "%04d", third))", parentCode: parent, level: 3,
                    name: word(length: 5),
                    responsible: .township, defaultUrgency: tiers[third % tiers.count], keywords: keywords,
                    examples: examples))
        }
        return try Catalog(entries)
    }

    /// A request about a random leaf at a random township: its text, location and leaf code.
    mutating func request(in catalog: Catalog, townships: [Division]) -> (text: String, location: String, leaf: String)
    {
        let leaf = catalog.leaves[number(below: catalog.leaves.count)]
        let text =
            word(length: 3 + number(below: 8)) + leaf.keywords[number(below: leaf.keywords.count)]
            + word(length: 8 + number(below: 16))
            + leaf.keywords[number(below: leaf.keywords.count)] + word(length: 2 + number(below: 6))
        let township = townships[number(below: townships.count)]
        return (text, township.name + word(length: 3) + "小区", leaf.code)
    }
}
