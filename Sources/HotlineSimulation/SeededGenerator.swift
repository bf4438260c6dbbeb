import Foundation

/// A deterministic random number generator (SplitMix64): the same seed gives the same city.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<1.
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// An index drawn with the given weights.
    public mutating func pick(weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.count - 1
    }
}

extension SeededGenerator {
    /// A Poisson-distributed count with the given mean: by multiplication below 10, by Hörmann's
    /// transformed rejection (PTRS) above, so large means cost a few draws and keep their tails.
    public mutating func poisson(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean < 10 {
            let limit = exp(-mean)
            var product = unit()
            var count = 0
            while product > limit {
                product *= unit()
                count += 1
            }
            return count
        }
        let root = mean.squareRoot()
        let logMean = log(mean)
        let b = 0.931 + 2.53 * root
        let a = -0.059 + 0.02483 * b
        let inverseAlpha = 1.1239 + 1.1328 / (b - 3.4)
        let acceptance = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = unit() - 0.5
            let v = unit()
            let distance = 0.5 - abs(u)
            let count = ((2 * a / distance + b) * u + mean + 0.43).rounded(.down)
            if distance >= 0.07 && v <= acceptance { return Int(count) }
            if count < 0 || (distance < 0.013 && v > distance) { continue }
            let logAccept = log(v) + log(inverseAlpha) - log(a / (distance * distance) + b)
            if logAccept <= -mean + count * logMean - lgamma(count + 1) { return Int(count) }
        }
    }
}
