/// Fixed phrases found anywhere in a text in one pass: catalog keywords, urgency cues, the
/// phrases of a request type. Each phrase carries a value of the caller's choosing. The phrases'
/// scalars sit in one flat array, so matching copies nothing.
struct PhraseIndex<Value: Sendable>: Sendable {
    /// One phrase: where its scalars are in `scalars`, and its value.
    private struct Phrase: Sendable {
        let start: Int
        let count: Int
        let value: Value
    }

    /// Every phrase's normalised scalars, one after another.
    private let scalars: [Unicode.Scalar]
    /// Phrases by their first scalar, in the order given.
    private let byFirstScalar: [Unicode.Scalar: [Phrase]]

    init(_ phrases: some Sequence<(phrase: String, value: Value)>) {
        var scalars: [Unicode.Scalar] = []
        var index: [Unicode.Scalar: [Phrase]] = [:]
        for (phrase, value) in phrases {
            let normalized = TextFeatures.normalized(Array(phrase.unicodeScalars))
            guard let first = normalized.first else { continue }
            index[first, default: []].append(Phrase(start: scalars.count, count: normalized.count, value: value))
            scalars += normalized
        }
        self.scalars = scalars
        byFirstScalar = index
    }

    /// Calls `found` with the value of every occurrence of a phrase in the normalised `text`.
    @inline(__always)
    func forEachMatch(in text: [Unicode.Scalar], _ found: (Value) -> Void) {
        scalars.withUnsafeBufferPointer { scalars in
            text.withUnsafeBufferPointer { text in
                for position in text.indices {
                    guard let candidates = byFirstScalar[text[position]] else { continue }
                    for candidate in candidates where position + candidate.count <= text.count {
                        var offset = 1
                        while offset < candidate.count, scalars[candidate.start + offset] == text[position + offset] {
                            offset += 1
                        }
                        if offset == candidate.count { found(candidate.value) }
                    }
                }
            }
        }
    }
}
