import Foundation

/// The features the models know, each with its index and inverse document frequency; turns
/// feature keys into L2-normalised TF-IDF vectors (sublinear term frequency), dropping the
/// features never seen in training.
struct FeatureSpace: Sendable {
    private var index = KeyTable<Int32>()
    private(set) var inverseFrequency: [Float] = []

    var count: Int { inverseFrequency.count }

    /// The space of every feature in `documents` (indices in order of first appearance, so the
    /// same documents always give the same space).
    init(documents: [[UInt64]]) {
        var documentFrequency: [Int] = []
        for keys in documents {
            for key in Set(keys) {
                if let known = index[key] {
                    documentFrequency[Int(known)] += 1
                } else {
                    index.set(Int32(documentFrequency.count), for: key)
                    documentFrequency.append(1)
                }
            }
        }
        let total = Float(documents.count)
        inverseFrequency = documentFrequency.map { logf((1 + total) / (1 + Float($0))) + 1 }
    }

    /// Adds a feature outside the text (an urgency cue, a leaf's default tier) and returns its index.
    mutating func addDenseFeature(_ key: UInt64) -> Int32 {
        if let known = index[key] { return known }
        let new = Int32(inverseFrequency.count)
        index.set(new, for: key)
        inverseFrequency.append(1)
        return new
    }

    /// The TF-IDF vector of `keys`, features sorted by index.
    func vector(_ keys: [UInt64]) -> SparseVector {
        var known: [Int32] = []
        known.reserveCapacity(keys.count)
        for key in keys {
            if let feature = index[key] { known.append(feature) }
        }
        known.sort()
        var vector = SparseVector(indices: [], values: [])
        vector.indices.reserveCapacity(known.count)
        vector.values.reserveCapacity(known.count)
        var norm: Float = 0
        var start = 0
        while start < known.count {
            var end = start + 1
            while end < known.count, known[end] == known[start] { end += 1 }
            let value = (1 + logf(Float(end - start))) * inverseFrequency[Int(known[start])]
            vector.indices.append(known[start])
            vector.values.append(value)
            norm += value * value
            start = end
        }
        if norm > 0 {
            let scale = 1 / sqrtf(norm)
            for offset in vector.values.indices { vector.values[offset] *= scale }
        }
        return vector
    }
}
