import Foundation
import HotlineClassifier
import HotlineDomain
import HotlineRuntime
import HotlineStorage

/// Classification throughput on one core with a synthetic catalog the size of Beijing's
/// (48 / 490 / 2,509 entries), and how often the leaf is right on synthetic requests.
package struct ClassifierBench: Sendable {
    /// Requests to classify.
    package var requests: Int
    /// Seed of the synthetic catalog and requests.
    package var seed: UInt64

    /// A benchmark of `requests` classifications drawn with `seed`.
    package init(requests: Int, seed: UInt64) {
        self.requests = requests
        self.seed = seed
    }

    /// Trains on the synthetic catalog, classifies, and prints the numbers.
    package func run(settings: HotlineSettings) throws {
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
        print(
            "training: \(format(ContinuousClock.now - trainingStart)); model memory: "
                + String(format: "%.1f MB", Double(classifier.memoryBytes) / 1_000_000))

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
