/// A rise in one series (a category in a district, a leaf in a township) that its baseline does
/// not explain, with the figures that raised it.
public struct EarlyWarning: Sendable, Equatable {
    /// Which baseline the window was compared with.
    public enum Baseline: String, Sendable, Codable {
        /// The same weeks a year earlier (seasonal: heating in November is not a surprise).
        case seasonal
        /// The weeks just before (while the series has less than a year of history).
        case trailing
    }

    /// The day (index into the series) whose window first crossed the limit.
    public var day: Int
    /// Requests in the window ending that day.
    public var observed: Int
    /// What the reference windows lead one to expect in it.
    public var expected: Double
    /// The chance of at least `observed` if nothing had changed.
    public var probability: Double
    public var baseline: Baseline
    /// Reference windows the test used.
    public var referenceWindows: Int

    public init(
        day: Int, observed: Int, expected: Double, probability: Double, baseline: Baseline, referenceWindows: Int
    ) {
        self.day = day
        self.observed = observed
        self.expected = expected
        self.probability = probability
        self.baseline = baseline
        self.referenceWindows = referenceWindows
    }

    /// Observed over expected (infinite when nothing was expected).
    public var ratio: Double { expected > 0 ? Double(observed) / expected : .infinity }
}
