/// Fixed phrases found anywhere in a text in one pass: catalog keywords, urgency cues, the
/// phrases of a request type. Each phrase carries a value of the caller's choosing.
struct PhraseIndex<Value: Sendable>: Sendable {
    /// Phrases by their first scalar.
    private let byFirstScalar: [Unicode.Scalar: [(scalars: [Unicode.Scalar], value: Value)]]

    init(_ phrases: some Sequence<(phrase: String, value: Value)>) {
        var index: [Unicode.Scalar: [(scalars: [Unicode.Scalar], value: Value)]] = [:]
        for (phrase, value) in phrases {
            let scalars = TextFeatures.normalized(Array(phrase.unicodeScalars))
            guard let first = scalars.first else { continue }
            index[first, default: []].append((scalars, value))
        }
        byFirstScalar = index
    }

    /// Calls `found` with the value of every occurrence of a phrase in the normalised `text`.
    func forEachMatch(in text: [Unicode.Scalar], _ found: (Value) -> Void) {
        for position in text.indices {
            guard let candidates = byFirstScalar[text[position]] else { continue }
            for candidate in candidates where Self.occurs(candidate.scalars, in: text, at: position) {
                found(candidate.value)
            }
        }
    }

    private static func occurs(_ phrase: [Unicode.Scalar], in text: [Unicode.Scalar], at position: Int) -> Bool {
        guard position + phrase.count <= text.count else { return false }
        for offset in phrase.indices where phrase[offset] != text[position + offset] { return false }
        return true
    }
}
