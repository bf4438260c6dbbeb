/// When the reconciler sends lost events again (all in real time: it watches the
/// infrastructure, not the city's deadlines).
public struct ReconciliationPolicy: Sendable, Equatable {
    /// Time between two rounds.
    public var interval: Duration
    /// Seconds an event may stay published but unapplied by a consumer that reads it, or
    /// unpublished, before it is sent again. Longer than the consumers' normal lag, or busy
    /// consumers get duplicates (harmless, but wasted work).
    public var grace: Double
    /// Seconds back from now that the reconciler looks at.
    public var lookback: Double

    public init(interval: Duration, grace: Double, lookback: Double) {
        self.interval = interval
        self.grace = grace
        self.lookback = lookback
    }
}
