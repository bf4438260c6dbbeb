import Foundation
import HotlineDomain
import HotlineGateway
import HotlineStorage
import Synchronization
import Testing

/// How long `TokenAuthenticator` trusts an answer: its lifetime, never past the token's expiry.
@Suite("Token authenticator")
struct TokenAuthenticatorTests {
    /// Answers as PostgreSQL does: the holder of `secret` until its token expires; counts lookups.
    final class ExpiringDirectory: PrincipalDirectory {
        let holder: Principal
        let lookups = Mutex(0)

        init(holder: Principal) {
            self.holder = holder
        }

        func principal(for secret: String, at time: Date) async throws -> Principal? {
            lookups.withLock { $0 += 1 }
            guard secret == "secret", holder.expiresAt.map({ time < $0 }) ?? true else { return nil }
            return holder
        }

        var lookupCount: Int { lookups.withLock { $0 } }
    }

    static func holder(expiresAt: Date?) -> Principal {
        Principal(tokenId: UUID(), name: "op", role: .operator, unitCode: nil, expiresAt: expiresAt)
    }

    @Test("a remembered holder is dropped when its token expires, though the cache lifetime is longer")
    func expiryEndsTrust() async throws {
        let clock = SettableClock()
        let directory = ExpiringDirectory(holder: Self.holder(expiresAt: clock.now().addingTimeInterval(10)))
        let authenticator = TokenAuthenticator(directory: directory, lifetime: 3_600, clock: clock)
        #expect(try await authenticator.principal(for: "secret") == directory.holder)
        clock.advance(by: 9.5)
        #expect(try await authenticator.principal(for: "secret") == directory.holder)
        #expect(directory.lookupCount == 1)
        clock.advance(by: 0.5)
        #expect(try await authenticator.principal(for: "secret") == nil)
        #expect(directory.lookupCount == 2)
    }

    @Test("a holder whose token does not expire is remembered for the lifetime, then asked for again")
    func lifetimeBound() async throws {
        let clock = SettableClock()
        let directory = ExpiringDirectory(holder: Self.holder(expiresAt: nil))
        let authenticator = TokenAuthenticator(directory: directory, lifetime: 30, clock: clock)
        #expect(try await authenticator.principal(for: "secret") == directory.holder)
        clock.advance(by: 29)
        #expect(try await authenticator.principal(for: "secret") == directory.holder)
        #expect(directory.lookupCount == 1)
        clock.advance(by: 1)
        #expect(try await authenticator.principal(for: "secret") == directory.holder)
        #expect(directory.lookupCount == 2)
    }

    @Test("a secret holding a NUL character names no token and is not looked up")
    func nulSecret() async throws {
        let directory = ExpiringDirectory(holder: Self.holder(expiresAt: nil))
        let authenticator = TokenAuthenticator(directory: directory, lifetime: 30, clock: SettableClock())
        #expect(try await authenticator.principal(for: "sec\u{0}ret") == nil)
        #expect(directory.lookupCount == 0)
    }
}
