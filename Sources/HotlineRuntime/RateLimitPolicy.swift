/// How many requests one token may send to the gateway: a bucket of `burst` requests, refilled
/// at `perSecond` (in real time: it protects the gateway's capacity, not the city's deadlines).
/// Zero in either turns the limit off.
public struct RateLimitPolicy: Sendable, Equatable {
    /// Requests per second a token may keep up.
    public var perSecond: Double
    /// Requests a token may send at once after a pause.
    public var burst: Int

    public init(perSecond: Double, burst: Int) {
        self.perSecond = perSecond
        self.burst = burst
    }

    /// No limit.
    public static let off = RateLimitPolicy(perSecond: 0, burst: 0)

    /// Whether requests are limited at all.
    public var isEnabled: Bool { perSecond > 0 && burst > 0 }

    /// Seconds an empty bucket takes to fill up again.
    public var refillSeconds: Double { isEnabled ? Double(burst) / perSecond : 0 }
}
