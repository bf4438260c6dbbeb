/// The leaves of one first-level code and a model that tells them apart, over the features seen
/// in that code's training documents only (so its weights stay small).
struct LeafModel: Sendable {
    /// Indices into the catalog's leaves.
    let leaves: [Int]
    /// Global feature index → this model's feature index.
    private let localIndex: KeyTable<Int32>
    private let model: SoftmaxRegression

    /// Trains on `examples` (vectors in the global feature space, labels indexing the catalog's
    /// leaves), keeping those whose leaf is among `leaves`.
    init(leaves: [Int], examples: [SoftmaxRegression.Example], schedule: SoftmaxRegression.Schedule) {
        self.leaves = leaves
        let position = Dictionary(uniqueKeysWithValues: leaves.enumerated().map { ($1, $0) })
        var localIndex = KeyTable<Int32>()
        var local: [SoftmaxRegression.Example] = []
        for example in examples {
            guard let label = position[example.label] else { continue }
            for index in example.vector.indices where localIndex[UInt64(index)] == nil {
                localIndex.set(Int32(localIndex.count), for: UInt64(index))
            }
            local.append(
                .init(vector: Self.localVector(example.vector, localIndex), label: label, weight: example.weight))
        }
        self.localIndex = localIndex
        model = SoftmaxRegression(
            classCount: leaves.count, featureCount: localIndex.count, examples: local, schedule: schedule)
    }

    /// The probability of each of `leaves` given its first level, for a global `vector`.
    func probabilities(_ vector: SparseVector) -> [Float] {
        leaves.count == 1 ? [1] : model.probabilities(Self.localVector(vector, localIndex))
    }

    var memoryBytes: Int { model.memoryBytes + localIndex.memoryBytes }

    private static func localVector(_ vector: SparseVector, _ localIndex: KeyTable<Int32>) -> SparseVector {
        var local = SparseVector(indices: [], values: [])
        local.indices.reserveCapacity(vector.indices.count)
        local.values.reserveCapacity(vector.indices.count)
        for (index, value) in zip(vector.indices, vector.values) {
            guard let mapped = localIndex[UInt64(index)] else { continue }
            local.indices.append(mapped)
            local.values.append(value)
        }
        return local
    }
}
