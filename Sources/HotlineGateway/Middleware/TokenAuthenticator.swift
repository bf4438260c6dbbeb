public import Foundation
public import HotlineDomain
public import HotlineStorage
import Synchronization

/// Finds the holder of a bearer token in a `PrincipalDirectory`, remembering each answer for
/// `lifetime` so a busy gateway does not ask on every request. A remembered holder is never
/// trusted past its token's expiry; a revocation takes at most `lifetime` to apply.
public final class TokenAuthenticator: Sendable {
    private struct Remembered {
        var principal: Principal?
        /// The answer's end: `lifetime` after it was checked, or the token's expiry if sooner.
        var trustedUntil: Date
    }

    /// Past this many remembered tokens, the memory starts over (unknown tokens are remembered too).
    private static let capacity = 10_000

    private let remembered = Mutex([String: Remembered]())
    private let directory: any PrincipalDirectory
    private let lifetime: TimeInterval
    private let clock: any HotlineClock

    public init(directory: any PrincipalDirectory, lifetime: TimeInterval, clock: any HotlineClock) {
        self.directory = directory
        self.lifetime = lifetime
        self.clock = clock
    }

    /// The holder of `secret`, or nil when the token is unknown, revoked or expired. A secret
    /// holding U+0000 (possible in a query's `api_key`) names no token and is not looked up:
    /// PostgreSQL cannot take it as text.
    public func principal(for secret: String) async throws -> Principal? {
        if secret.unicodeScalars.contains("\u{0}") { return nil }
        let now = clock.now()
        if let known = remembered.withLock({ $0[secret] }), now < known.trustedUntil {
            return known.principal
        }
        let principal = try await directory.principal(for: secret, at: now)
        let trustedUntil = min(now.addingTimeInterval(lifetime), principal?.expiresAt ?? .distantFuture)
        remembered.withLock { memory in
            if memory.count >= Self.capacity { memory.removeAll(keepingCapacity: true) }
            memory[secret] = Remembered(principal: principal, trustedUntil: trustedUntil)
        }
        return principal
    }
}
