import Foundation
import HotlineGateway
import HotlineRuntime
import Testing

/// The per-token rate limit's arithmetic (`TokenBucket`, `TokenBuckets`), without a server.
@Suite("Token buckets")
struct TokenBucketTests {
    static let start = Date(timeIntervalSince1970: 1_796_270_400)
    static let policy = RateLimitPolicy(perSecond: 2, burst: 3)

    @Test("a full bucket admits its burst, then refuses with the whole seconds until a permit is back")
    func burstThenRefusal() {
        var bucket = TokenBucket(full: Self.policy, at: Self.start)
        for _ in 0..<3 { #expect(bucket.take(at: Self.start, policy: Self.policy) == .admitted) }
        #expect(bucket.take(at: Self.start, policy: Self.policy) == .refused(retryAfter: 1))
        let slow = RateLimitPolicy(perSecond: 0.25, burst: 1)
        var slowBucket = TokenBucket(full: slow, at: Self.start)
        #expect(slowBucket.take(at: Self.start, policy: slow) == .admitted)
        #expect(slowBucket.take(at: Self.start.addingTimeInterval(1), policy: slow) == .refused(retryAfter: 3))
    }

    @Test("permits come back at the rate, never beyond the burst")
    func refill() {
        var bucket = TokenBucket(full: Self.policy, at: Self.start)
        for _ in 0..<3 { _ = bucket.take(at: Self.start, policy: Self.policy) }
        let later = Self.start.addingTimeInterval(1)
        #expect(bucket.take(at: later, policy: Self.policy) == .admitted)
        #expect(bucket.take(at: later, policy: Self.policy) == .admitted)
        #expect(bucket.take(at: later, policy: Self.policy) == .refused(retryAfter: 1))
        #expect(!bucket.isFull(at: later, policy: Self.policy))
        let muchLater = later.addingTimeInterval(3_600)
        #expect(bucket.isFull(at: muchLater, policy: Self.policy))
        for _ in 0..<3 { #expect(bucket.take(at: muchLater, policy: Self.policy) == .admitted) }
        #expect(bucket.take(at: muchLater, policy: Self.policy) == .refused(retryAfter: 1))
    }

    @Test("a clock that goes back adds no permits")
    func clockGoingBack() {
        var bucket = TokenBucket(full: Self.policy, at: Self.start)
        for _ in 0..<3 { _ = bucket.take(at: Self.start, policy: Self.policy) }
        #expect(bucket.take(at: Self.start.addingTimeInterval(-60), policy: Self.policy) == .refused(retryAfter: 1))
        #expect(bucket.updatedAt == Self.start)
    }

    @Test("each token has its own bucket")
    func separateTokens() {
        var buckets = TokenBuckets(policy: Self.policy)
        let (first, second) = (UUID(), UUID())
        for _ in 0..<3 { #expect(buckets.take(for: first, at: Self.start) == .admitted) }
        #expect(buckets.take(for: first, at: Self.start) == .refused(retryAfter: 1))
        #expect(buckets.take(for: second, at: Self.start) == .admitted)
        #expect(buckets.count == 2)
    }

    @Test("idle buckets are forgotten at the next sweep; busy ones are kept")
    func sweep() {
        var buckets = TokenBuckets(policy: Self.policy, sweepInterval: 60)
        let (idle, busy) = (UUID(), UUID())
        _ = buckets.take(for: idle, at: Self.start)
        for second in stride(from: 0.0, through: 60, by: 0.25) {
            _ = buckets.take(for: busy, at: Self.start.addingTimeInterval(second))
        }
        #expect(buckets.count == 1)
        #expect(buckets.take(for: busy, at: Self.start.addingTimeInterval(60)) == .refused(retryAfter: 1))
    }

    @Test("at capacity, idle buckets go first, then the one untouched longest")
    func capacity() {
        var buckets = TokenBuckets(policy: Self.policy, capacity: 2, sweepInterval: 3_600)
        let (first, second, third, fourth) = (UUID(), UUID(), UUID(), UUID())
        for _ in 0..<3 { _ = buckets.take(for: first, at: Self.start) }
        for _ in 0..<3 { _ = buckets.take(for: second, at: Self.start.addingTimeInterval(0.1)) }
        _ = buckets.take(for: third, at: Self.start.addingTimeInterval(0.2))
        #expect(buckets.count == 2)
        // `first` went (untouched longest): it starts again with a full bucket; `second` is still empty.
        #expect(buckets.take(for: second, at: Self.start.addingTimeInterval(0.2)) == .refused(retryAfter: 1))
        // Ten seconds on, `second` and `third` are full again: both go to make room.
        let idleLater = Self.start.addingTimeInterval(10)
        _ = buckets.take(for: fourth, at: idleLater)
        #expect(buckets.count == 1)
        for _ in 0..<3 { #expect(buckets.take(for: first, at: idleLater) == .admitted) }
        #expect(buckets.count == 2)
    }

    @Test("a policy with zero rate or burst admits everything and holds nothing")
    func off() {
        for policy in [
            RateLimitPolicy.off, RateLimitPolicy(perSecond: 0, burst: 100), RateLimitPolicy(perSecond: 50, burst: 0),
        ] {
            var buckets = TokenBuckets(policy: policy)
            let token = UUID()
            for _ in 0..<1_000 { #expect(buckets.take(for: token, at: Self.start) == .admitted) }
            #expect(buckets.count == 0)
        }
    }
}
