import Foundation

/// Percentiles of a set of durations, in milliseconds.
struct LatencySummary: Sendable, Codable {
    var count: Int
    var p50: Double
    var p95: Double
    var p99: Double
    var max: Double

    /// Summarises `seconds` (nearest-rank percentiles).
    init(seconds: [Double]) {
        let sorted = seconds.sorted()
        func at(_ quantile: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let rank = Int((quantile * Double(sorted.count)).rounded(.up)) - 1
            return sorted[Swift.max(0, Swift.min(rank, sorted.count - 1))] * 1000
        }
        count = sorted.count
        p50 = at(0.50)
        p95 = at(0.95)
        p99 = at(0.99)
        max = at(1)
    }

    /// The percentiles on one line, for printing.
    var line: String {
        String(format: "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d)", p50, p95, p99, max, count)
    }
}
