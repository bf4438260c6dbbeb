public import Foundation
public import HotlineDomain
public import HotlineRuntime
import Metrics
import Synchronization

/// The gateway's per-token rate limit: `TokenBuckets` under a lock, read with `clock`, counting
/// refusals in `hotline_gateway_rate_limited_total`.
public final class TokenRateLimiter: Sendable {
    public let policy: RateLimitPolicy
    private let buckets: Mutex<TokenBuckets>
    private let clock: any HotlineClock
    private let refused = Counter(label: "hotline_gateway_rate_limited_total")

    public init(policy: RateLimitPolicy, clock: any HotlineClock) {
        self.policy = policy
        self.buckets = Mutex(TokenBuckets(policy: policy))
        self.clock = clock
    }

    /// Takes a permit for the token `tokenId` now, or says how long it must wait.
    public func admit(_ tokenId: UUID) -> TokenBucket.Admission {
        guard policy.isEnabled else { return .admitted }
        let now = clock.now()
        let admission = buckets.withLock { $0.take(for: tokenId, at: now) }
        if admission != .admitted { refused.increment() }
        return admission
    }
}
