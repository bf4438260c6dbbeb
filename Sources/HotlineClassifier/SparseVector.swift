/// A document as the models see it: feature indices with their values.
struct SparseVector: Sendable {
    var indices: [Int32]
    var values: [Float]

    /// This vector with `extra` features appended as they are (not normalised with the text).
    func appending(_ extra: [(index: Int32, value: Float)]) -> SparseVector {
        SparseVector(indices: indices + extra.map(\.index), values: values + extra.map(\.value))
    }
}
