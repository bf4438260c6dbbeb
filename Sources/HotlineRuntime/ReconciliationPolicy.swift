/// When the reconciler sends lost events again (all in real time: it watches the
/// infrastructure, not the city's deadlines).
public struct ReconciliationPolicy: Sendable, Equatable {
    /// Time between two rounds.
    public var interval: Duration
    /// Seconds by which an event a consumer never applied may trail the newest event it has
    /// applied, or a row may stay unpublished, before it is sent again. Longer than the spread
    /// between a group's partitions, or consumers get duplicates (harmless, but wasted work).
    public var grace: Double
    /// Seconds back from now that the reconciler looks at.
    public var lookback: Double

    public init(interval: Duration, grace: Double, lookback: Double) {
        self.interval = interval
        self.grace = grace
        self.lookback = lookback
    }
}
