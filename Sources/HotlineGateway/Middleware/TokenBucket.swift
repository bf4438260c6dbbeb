public import Foundation
public import HotlineRuntime

/// One token's allowance under a `RateLimitPolicy`: up to `burst` permits, refilled at
/// `perSecond`; each request takes one. Pure: the time is passed in.
public struct TokenBucket: Sendable, Equatable {
    /// Whether a request may pass.
    public enum Admission: Sendable, Equatable {
        case admitted
        /// Refused; a permit is back after `retryAfter` whole seconds (at least 1).
        case refused(retryAfter: Int)
    }

    /// Permits left; fractions accrue between requests.
    public private(set) var permits: Double
    /// When `permits` was last brought up to date.
    public private(set) var updatedAt: Date

    /// A full bucket at `time`.
    public init(full policy: RateLimitPolicy, at time: Date) {
        permits = Double(policy.burst)
        updatedAt = time
    }

    /// Takes a permit at `time` if there is one; otherwise says when there will be.
    public mutating func take(at time: Date, policy: RateLimitPolicy) -> Admission {
        refill(to: time, policy: policy)
        guard permits < 1 else {
            permits -= 1
            return .admitted
        }
        let wait = ((1 - permits) / policy.perSecond).rounded(.up)
        return .refused(retryAfter: max(1, Int(wait)))
    }

    /// Whether the bucket is full again at `time`: then it is no different from a new one.
    public func isFull(at time: Date, policy: RateLimitPolicy) -> Bool {
        var bucket = self
        bucket.refill(to: time, policy: policy)
        return bucket.permits >= Double(policy.burst)
    }

    /// Adds what accrued since `updatedAt`; a clock that went back adds nothing.
    private mutating func refill(to time: Date, policy: RateLimitPolicy) {
        let elapsed = time.timeIntervalSince(updatedAt)
        guard elapsed > 0 else { return }
        permits = min(Double(policy.burst), permits + elapsed * policy.perSecond)
        updatedAt = time
    }
}
