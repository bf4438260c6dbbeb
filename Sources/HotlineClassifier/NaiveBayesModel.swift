import Foundation

/// A multinomial naive Bayes model over text features with an inverted index, so scoring a
/// request touches only the classes its features were seen in, plus one term per class.
///
/// With additive smoothing α, log P(f | c) = log(n(c,f) + α) − log(N(c) + α·V). Splitting off
/// the unseen-feature value gives score(c) = prior(c) + m·unseen(c) + Σ delta(c,f) over the m
/// known features of the request, where delta(c,f) = log(n(c,f) + α) − log(α) is stored only
/// where n(c,f) > 0.
struct NaiveBayesModel: Sendable {
    /// A class and its share of the probability.
    struct Ranked: Sendable, Equatable {
        let classIndex: Int
        let probability: Double
    }

    let classCount: Int
    private let prior: [Float]
    private let unseen: [Float]
    /// Feature key → row of the posting table.
    private let rows: [UInt64: Int32]
    /// Postings of row r are `postingClass[rowStart[r]..<rowStart[r + 1]]` with their deltas.
    private let rowStart: [Int32]
    private let postingClass: [Int32]
    private let postingDelta: [Float]
    /// Log scores are multiplied by this before the softmax, so probabilities are less extreme
    /// than the naive independence assumption makes them.
    private let temperature: Float

    /// Counts `documents` (class index, features) into a model of `classCount` classes.
    init(
        classCount: Int, documents: [(classIndex: Int, features: [TextFeatures.Feature])], smoothing alpha: Float = 0.2,
        temperature: Float = 0.35
    ) {
        var counts: [UInt64: [Int32: Float]] = [:]
        var totals = [Float](repeating: 0, count: classCount)
        for (classIndex, features) in documents {
            for feature in features {
                counts[feature.key, default: [:]][Int32(classIndex), default: 0] += feature.weight
                totals[classIndex] += feature.weight
            }
        }
        let vocabulary = Float(max(counts.count, 1))
        var rows: [UInt64: Int32] = [:]
        var rowStart: [Int32] = [0]
        var postingClass: [Int32] = []
        var postingDelta: [Float] = []
        for (key, perClass) in counts {
            rows[key] = Int32(rowStart.count - 1)
            for (classIndex, count) in perClass.sorted(by: { $0.key < $1.key }) {
                postingClass.append(classIndex)
                postingDelta.append(logf(count + alpha) - logf(alpha))
            }
            rowStart.append(Int32(postingClass.count))
        }
        self.classCount = classCount
        self.prior = [Float](repeating: -logf(Float(max(classCount, 1))), count: classCount)
        self.unseen = totals.map { logf(alpha) - logf($0 + alpha * vocabulary) }
        self.rows = rows
        self.rowStart = rowStart
        self.postingClass = postingClass
        self.postingDelta = postingDelta
        self.temperature = temperature
    }

    /// A class whose log score trails the best by more than this holds under e^-16 of its
    /// probability and is left out of the normalisation.
    static let negligible: Float = 16

    /// The `limit` most probable classes for `features`, most probable first, and the share of
    /// probability held by the best class's group (`groupOf` maps a class to its group); nil
    /// when no feature is known to the model.
    func rank(_ features: [TextFeatures.Feature], limit: Int, groupOf: [Int]) -> Ranking? {
        var known: Float = 0
        var scores = [Float](repeating: 0, count: classCount)
        scores.withUnsafeMutableBufferPointer { scores in
            for feature in features {
                guard let row = rows[feature.key] else { continue }
                known += feature.weight
                for posting in Int(rowStart[Int(row)])..<Int(rowStart[Int(row) + 1]) {
                    scores[Int(postingClass[posting])] += feature.weight * postingDelta[posting]
                }
            }
            guard known > 0 else { return }
            for index in scores.indices {
                scores[index] = (scores[index] + prior[index] + known * unseen[index]) * temperature
            }
        }
        guard known > 0 else { return nil }
        var top: [(index: Int, score: Float)] = []
        var bestIndex = 0
        for (index, score) in scores.enumerated() {
            if score > scores[bestIndex] { bestIndex = index }
            guard top.count < limit || score > top[top.count - 1].score else { continue }
            let position = top.firstIndex { score > $0.score } ?? top.count
            top.insert((index, score), at: position)
            if top.count > limit { top.removeLast() }
        }
        let best = scores[bestIndex]
        var total: Double = 0
        var group: Double = 0
        for (index, score) in scores.enumerated() where score > best - Self.negligible {
            let weight = Double(expf(score - best))
            total += weight
            if groupOf[index] == groupOf[bestIndex] { group += weight }
        }
        return Ranking(
            top: top.map { Ranked(classIndex: $0.index, probability: Double(expf($0.score - best)) / total) },
            bestGroupProbability: group / total)
    }
}

/// The best classes of one request and the weight of the best one's group.
struct Ranking: Sendable {
    let top: [NaiveBayesModel.Ranked]
    let bestGroupProbability: Double
}
