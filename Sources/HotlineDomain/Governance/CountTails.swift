import Foundation

/// Tail probabilities of the count distributions the detectors test against: the binomial (a
/// window against its reference windows, conditioned on their sum) and the Poisson (one week of
/// one place against its expected rate). Computed through the regularized incomplete beta and
/// gamma functions, so a tail stays exact to about 1e-12 for counts in the hundreds of thousands.
public enum CountTails {
    /// P(X ≥ k) for X ~ Binomial(n, p).
    public static func binomialAtLeast(_ k: Int, trials n: Int, probability p: Double) -> Double {
        if k <= 0 { return 1 }
        if k > n { return 0 }
        if p <= 0 { return 0 }
        if p >= 1 { return 1 }
        return regularizedBeta(x: p, a: Double(k), b: Double(n - k + 1))
    }

    /// P(X ≥ k) for X ~ Poisson(mean).
    public static func poissonAtLeast(_ k: Int, mean: Double) -> Double {
        if k <= 0 { return 1 }
        if mean <= 0 { return 0 }
        return regularizedLowerGamma(a: Double(k), x: mean)
    }

    /// The smallest count c with P(X > c) ≤ `probability` for X ~ Poisson(mean): counts above it
    /// are unusual for that mean.
    public static func poissonUpperQuantile(mean: Double, exceedance probability: Double) -> Int {
        var count = max(0, Int(mean.rounded(.down)))
        while poissonAtLeast(count + 1, mean: mean) > probability { count += 1 }
        return count
    }

    /// I_x(a, b), by the continued fraction on whichever side converges.
    static func regularizedBeta(x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * betaFraction(x: x, a: a, b: b) / a
        }
        return 1 - exp(logFront) * betaFraction(x: 1 - x, a: b, b: a) / b
    }

    /// The continued fraction of the incomplete beta function (modified Lentz).
    private static func betaFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        d = 1 / (abs(d) < tiny ? tiny : d)
        var value = d
        for step in 1...100_000 {
            let m = Double(step)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d
            d = 1 / (abs(d) < tiny ? tiny : d)
            c = 1 + even / c
            c = abs(c) < tiny ? tiny : c
            value *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d
            d = 1 / (abs(d) < tiny ? tiny : d)
            c = 1 + odd / c
            c = abs(c) < tiny ? tiny : c
            let delta = d * c
            value *= delta
            if abs(delta - 1) < 1e-14 { break }
        }
        return value
    }

    /// P(a, x), the regularized lower incomplete gamma function: the series below a + 1, the
    /// continued fraction of the upper function above.
    static func regularizedLowerGamma(a: Double, x: Double) -> Double {
        if x <= 0 { return 0 }
        let logFront = a * log(x) - x - lgamma(a)
        if x < a + 1 {
            var term = 1 / a
            var sum = term
            var denominator = a
            for _ in 0..<100_000 {
                denominator += 1
                term *= x / denominator
                sum += term
                if abs(term) < abs(sum) * 1e-15 { break }
            }
            return min(1, sum * exp(logFront))
        }
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var fraction = d
        for step in 1...100_000 {
            let an = -Double(step) * (Double(step) - a)
            b += 2
            d = an * d + b
            d = abs(d) < tiny ? tiny : d
            c = b + an / c
            c = abs(c) < tiny ? tiny : c
            d = 1 / d
            let delta = d * c
            fraction *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return max(0, 1 - exp(logFront) * fraction)
    }
}
