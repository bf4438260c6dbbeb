public import Foundation
public import HotlineRuntime

/// A `TokenBucket` per token id, with bounded memory: a bucket that has filled up again is no
/// different from a new one, so such idle buckets are forgotten every `sweepInterval` and
/// whenever `capacity` buckets are held; if every held bucket is still in use then, the one
/// untouched longest goes (its token starts again with a full bucket). Pure: the time is
/// passed in.
public struct TokenBuckets: Sendable {
    public let policy: RateLimitPolicy
    /// Most buckets held at once.
    public let capacity: Int
    /// Time between two sweeps for idle buckets.
    public let sweepInterval: TimeInterval
    private var buckets: [UUID: TokenBucket] = [:]
    private var sweptAt: Date?

    public init(policy: RateLimitPolicy, capacity: Int = 100_000, sweepInterval: TimeInterval = 60) {
        precondition(capacity > 0, "a rate limit needs room for one bucket")
        self.policy = policy
        self.capacity = capacity
        self.sweepInterval = sweepInterval
    }

    /// How many buckets are held.
    public var count: Int { buckets.count }

    /// Takes a permit from `token`'s bucket at `time` (a new, full bucket for a token not held).
    public mutating func take(for token: UUID, at time: Date) -> TokenBucket.Admission {
        guard policy.isEnabled else { return .admitted }
        if sweptAt.map({ time.timeIntervalSince($0) >= sweepInterval }) ?? true {
            forgetIdle(at: time)
        }
        if buckets[token] == nil, buckets.count >= capacity {
            forgetIdle(at: time)
            if buckets.count >= capacity, let stalest = buckets.min(by: { $0.value.updatedAt < $1.value.updatedAt }) {
                buckets[stalest.key] = nil
            }
        }
        var bucket = buckets[token] ?? TokenBucket(full: policy, at: time)
        let admission = bucket.take(at: time, policy: policy)
        buckets[token] = bucket
        return admission
    }

    /// Forgets the buckets that are full again at `time`.
    private mutating func forgetIdle(at time: Date) {
        buckets = buckets.filter { !$0.value.isFull(at: time, policy: policy) }
        sweptAt = time
    }
}
