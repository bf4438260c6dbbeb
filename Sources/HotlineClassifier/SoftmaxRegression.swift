import Foundation

/// Multinomial logistic regression over sparse vectors, trained by stochastic gradient descent
/// in a fixed, seeded order (the same examples always give the same model). Probabilities are
/// the softmax of the logits divided by a temperature fitted on held-out examples.
struct SoftmaxRegression: Sendable {
    /// One training example: its vector, its class and how much it counts.
    struct Example: Sendable {
        var vector: SparseVector
        var label: Int
        var weight: Float = 1
    }

    /// How a model is trained.
    struct Schedule: Sendable {
        var epochs = 12
        /// The step size of the first epoch; it falls linearly to a tenth of it by the last.
        var learningRate: Float = 0.8
        var seed: UInt64 = 23
    }

    let classCount: Int
    let featureCount: Int
    /// Row f holds the weights of feature f for every class.
    private var weights: [Float]
    private var bias: [Float]
    /// Logits are divided by this before the softmax.
    var temperature: Float = 1

    init(classCount: Int, featureCount: Int, examples: [Example], schedule: Schedule = Schedule()) {
        self.classCount = classCount
        self.featureCount = featureCount
        weights = [Float](repeating: 0, count: featureCount * classCount)
        bias = [Float](repeating: 0, count: classCount)
        guard classCount > 1, !examples.isEmpty else { return }
        var order = Array(examples.indices)
        var random = SplitMix64(seed: schedule.seed)
        var probabilities = [Float](repeating: 0, count: classCount)
        for epoch in 0..<schedule.epochs {
            order.shuffle(using: &random)
            let progress = Float(epoch) / Float(max(schedule.epochs - 1, 1))
            let rate = schedule.learningRate * (1 - 0.9 * progress)
            for position in order {
                let example = examples[position]
                logits(example.vector, into: &probabilities)
                Self.softmax(&probabilities, temperature: 1)
                probabilities[example.label] -= 1
                step(example.vector, gradient: probabilities, scale: rate * example.weight)
            }
        }
    }

    /// The logits of `vector` written into `logits` (`classCount` long).
    func logits(_ vector: SparseVector, into logits: inout [Float]) {
        let classCount = classCount
        let featureCount = featureCount
        weights.withUnsafeBufferPointer { weights in
            logits.withUnsafeMutableBufferPointer { logits in
                bias.withUnsafeBufferPointer { bias in
                    for offset in 0..<classCount { logits[offset] = bias[offset] }
                }
                vector.indices.withUnsafeBufferPointer { indices in
                    vector.values.withUnsafeBufferPointer { values in
                        for entry in 0..<indices.count where Int(indices[entry]) < featureCount {
                            let row = Int(indices[entry]) * classCount
                            let value = values[entry]
                            for offset in 0..<classCount { logits[offset] += value * weights[row + offset] }
                        }
                    }
                }
            }
        }
    }

    /// The probability of each class for `vector`.
    func probabilities(_ vector: SparseVector) -> [Float] {
        var result = [Float](repeating: 0, count: classCount)
        logits(vector, into: &result)
        Self.softmax(&result, temperature: temperature)
        return result
    }

    private mutating func step(_ vector: SparseVector, gradient: [Float], scale: Float) {
        let classCount = classCount
        weights.withUnsafeMutableBufferPointer { weights in
            for (index, value) in zip(vector.indices, vector.values) where Int(index) < featureCount {
                let row = Int(index) * classCount
                let factor = scale * value
                for offset in 0..<classCount { weights[row + offset] -= factor * gradient[offset] }
            }
        }
        for offset in 0..<classCount { bias[offset] -= scale * gradient[offset] }
    }

    /// Turns logits into probabilities in place.
    static func softmax(_ values: inout [Float], temperature: Float) {
        let largest = values.max() ?? 0
        var total: Float = 0
        for offset in values.indices {
            values[offset] = expf((values[offset] - largest) / temperature)
            total += values[offset]
        }
        for offset in values.indices { values[offset] /= total }
    }

    /// The temperature that makes the probabilities of `held` (vectors with their classes) most
    /// likely, searched on a grid from 0.25 to 4; 1 when nothing is held out.
    mutating func calibrate(on held: [Example]) {
        guard !held.isEmpty else { return }
        var logits = [Float](repeating: 0, count: classCount)
        let scored = held.map { example -> [Float] in
            self.logits(example.vector, into: &logits)
            return logits
        }
        var best = (temperature: Float(1), loss: Float.infinity)
        for step in 0...60 {
            let candidate = 0.25 * powf(16, Float(step) / 60)
            var loss: Float = 0
            for (values, example) in zip(scored, held) {
                var probabilities = values
                Self.softmax(&probabilities, temperature: candidate)
                loss -= logf(max(probabilities[example.label], 1e-9))
            }
            if loss < best.loss { best = (candidate, loss) }
        }
        temperature = best.temperature
    }

    /// The bytes the weights take.
    var memoryBytes: Int { (weights.count + bias.count) * MemoryLayout<Float>.size }
}

/// A small seeded random number generator (SplitMix64), so training is reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var value = state
        value = (value ^ (value >> 30)) &* 0xbf58_476d_1ce4_e5b9
        value = (value ^ (value >> 27)) &* 0x94d0_49bb_1331_11eb
        return value ^ (value >> 31)
    }
}
