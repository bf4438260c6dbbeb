import ArgumentParser
import Foundation
import HotlineClassifier
import HotlineDomain
import HotlineRuntime
import HotlineSimulation
import HotlineStorage

/// `hotline bench classifier`: classification throughput on one core with a synthetic catalog
/// the size of Beijing's (48 / 490 / 2,509 entries).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks that print numbers (build with -c release for meaningful ones).",
        subcommands: [ClassifierBench.self, SLABench.self, AssessmentBench.self, PipelineBench.self])

    struct ClassifierBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "classifier",
            abstract: "Classifications per second on one core with a Beijing-sized synthetic catalog.")

        @Option(help: "Requests to classify.") var requests = 200_000
        @Option(help: "Seed of the synthetic catalog and requests.") var seed: UInt64 = 12345

        func run() throws {
            let settings = HotlineSettings()
            let reference = try ReferenceData(schemaDirectory: settings.schemaDirectory)
            var generator = SyntheticCatalog(
                seed: seed, alphabet: reference.catalog.entries.values.flatMap { $0.examples.joined() })
            let catalog = try generator.catalog(level1: 48, level2: 490, level3: 2509)
            let townships = reference.divisions.filter { $0.tier == .township }
            let texts = (0..<min(requests, 20_000)).map { _ in generator.request(in: catalog, townships: townships) }
            let count = catalog.count
            print(
                "synthetic catalog: \(count.level1) / \(count.level2) / \(count.level3) entries, \(catalog.leaves.count * 9) training texts"
            )

            let trainingStart = ContinuousClock.now
            let classifier = RequestClassifier(catalog: catalog, gazetteer: reference.gazetteer, cues: reference.cues)
            print("training: \(format(ContinuousClock.now - trainingStart))")

            var correct = 0
            let start = ContinuousClock.now
            for index in 0..<requests {
                let (text, location, leaf) = texts[index % texts.count]
                if classifier.classify(text: text, location: location).leafCode == leaf { correct += 1 }
            }
            let elapsed = ContinuousClock.now - start
            let seconds = elapsed.seconds
            print(
                String(
                    format:
                        "classified %d requests on one core in %.2f s: %.0f classifications/s (%.1f µs each); leaf right on %.1f%% of synthetic requests",
                    requests, seconds, Double(requests) / seconds, seconds / Double(requests) * 1e6,
                    Double(correct) / Double(requests) * 100))
        }

        private func format(_ duration: Duration) -> String {
            String(format: "%.2f s", duration.seconds)
        }
    }
}

/// A deterministic catalog of made-up Chinese words, shaped like a city's real one: each leaf
/// has six keywords and three example requests; requests mix a leaf's keywords with filler.
struct SyntheticCatalog {
    private var random: SeededGenerator
    private let alphabet: [Character]

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
