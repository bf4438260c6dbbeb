import Foundation
import HotlineDomain
import HotlineGateway
import HotlineStorage
import PostgresNIO
import Testing

/// Token expiry and last use against PostgreSQL, through the gateway's authenticator.
@Suite("Token expiry and last use")
struct TokenExpiryFlowTests {
    /// A clock that shows one time.
    struct FixedClock: HotlineClock {
        let time: Date
        func now() -> Date { time }
    }

    /// Whole seconds, so the times read back from PostgreSQL compare equal.
    static let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))

    static func create(
        _ name: String, expiresAt: Date?, on client: PostgresClient
    ) async throws -> (
        id: UUID, secret: String
    ) {
        try await client.withConnection {
            try await TokenStore.create(
                name: name, role: .operator, unitCode: nil, expiresAt: expiresAt, at: now.addingTimeInterval(-60),
                on: $0, logger: TestEnvironment.logger)
        }
    }

    static func listing(_ id: UUID, on client: PostgresClient) async throws -> TokenStore.Listing? {
        try await client.withConnection { try await TokenStore.list(on: $0, logger: TestEnvironment.logger) }
            .first { $0.id == id }
    }

    @Test("an expired token authenticates as nobody and is not stamped; a live one is, with the time of its use")
    func expiryAndLastUse() async throws {
        try await TestDatabase.with { client, _ in
            let expiry = Self.now.addingTimeInterval(3_600)
            let live = try await Self.create("live", expiresAt: expiry, on: client)
            let expired = try await Self.create("expired", expiresAt: Self.now.addingTimeInterval(-1), on: client)
            let unused = try await Self.create("unused", expiresAt: nil, on: client)
            let authenticator = TokenAuthenticator(
                directory: PostgresPrincipalDirectory(database: client, logger: TestEnvironment.logger), lifetime: 30,
                clock: FixedClock(time: Self.now))

            #expect(try await authenticator.principal(for: expired.secret) == nil)
            let holder = try await authenticator.principal(for: live.secret)
            #expect(holder?.tokenId == live.id)
            #expect(holder?.expiresAt == expiry)

            #expect(try await Self.listing(live.id, on: client)?.lastUsedAt == Self.now)
            #expect(try await Self.listing(expired.id, on: client)?.lastUsedAt == nil)
            #expect(try await Self.listing(expired.id, on: client)?.isExpired(at: Self.now) == true)
            #expect(try await Self.listing(unused.id, on: client)?.lastUsedAt == nil)
            #expect(try await Self.listing(unused.id, on: client)?.isExpired(at: Self.now) == false)

            // The live token at its expiry: refused from that instant on, its last use unchanged.
            let atExpiry = try await client.withConnection {
                try await TokenStore.principal(for: live.secret, at: expiry, on: $0, logger: TestEnvironment.logger)
            }
            #expect(atExpiry == nil)
            #expect(try await Self.listing(live.id, on: client)?.lastUsedAt == Self.now)
        }
    }
}
