import ArgumentParser
import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineStorage

/// `hotline tokens create|list|revoke`: the API's bearer tokens.
struct Tokens: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create, list and revoke the API's bearer tokens.",
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token and print its secret (shown only this once).")

        @Option(help: "Who or what holds the token.") var name: String
        @Option(help: "operator, handler, analyst, admin, grid_worker, or external (an Open311 client's api_key).")
        var role: String
        @Option(help: "The org unit a handler acts for, a grid worker's community (required for both).")
        var unit: String?
        @Option(
            help: ArgumentHelp(
                "When the token stops working: 90d, 12h, a day (2027-06-30, as it begins in HOTLINE_TIME_ZONE) or a time with its offset (2027-06-30T18:00:00+08:00); never when left out.",
                valueName: "expiry"))
        var expires: String?

        func validate() throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("--role must be operator, handler, analyst, admin, grid_worker or external")
            }
            if Role.unitBound.contains(role), unit == nil {
                throw ValidationError("a handler or grid worker token needs --unit")
            }
        }

        func run() async throws {
            let role = Role(rawValue: role)!
            let unit = Role.unitBound.contains(role) ? unit : nil
            let now = Date()
            let expiresAt = try expires.map { text in
                do {
                    return try TokenExpiry.parse(text, now: now, timeZone: HotlineSettings().timeZone)
                } catch {
                    throw ValidationError("--expires: \(error)")
                }
            }
            let token = try await withAdminConnection { connection, logger in
                try await TokenStore.create(
                    name: name, role: role, unitCode: unit, expiresAt: expiresAt, at: now, on: connection,
                    logger: logger)
            }
            print(token.secret)
            let expiry = expiresAt.map { "expires \($0.formatted(.iso8601))" } ?? "does not expire"
            FileHandle.standardError.write(
                Data(
                    "token \(token.id) for \(name) (\(role.rawValue)), \(expiry); keep the secret above, it is not stored\n"
                        .utf8))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List tokens (never their secrets): live, revoked or expired, their expiry and last use.",
            discussion:
                "The last use is the latest one that reached PostgreSQL: the gateway trusts a checked token for HOTLINE_TOKEN_CACHE_SECONDS, so a token in use may have been used up to that long after it."
        )

        func run() async throws {
            let tokens = try await withAdminConnection { connection, logger in
                try await TokenStore.list(on: connection, logger: logger)
            }
            let now = Date()
            for token in tokens {
                let state = "\(Self.validity(of: token, at: now)), \(Self.lastUse(of: token))"
                print(
                    "\(token.id.uuidString.lowercased())  \(token.role.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))  \(token.unitCode ?? "-")  \(token.name)  \(state)"
                )
            }
        }

        /// `revoked TIME`, `expired TIME`, `live, expires TIME` or `live`.
        static func validity(of token: TokenStore.Listing, at now: Date) -> String {
            if let revoked = token.revokedAt { return "revoked \(revoked.formatted(.iso8601))" }
            guard let expires = token.expiresAt else { return "live" }
            return token.isExpired(at: now)
                ? "expired \(expires.formatted(.iso8601))" : "live, expires \(expires.formatted(.iso8601))"
        }

        /// `last used TIME` or `never used`.
        static func lastUse(of token: TokenStore.Listing) -> String {
            token.lastUsedAt.map { "last used \($0.formatted(.iso8601))" } ?? "never used"
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by id.")

        @Argument(help: "The token's id, as listed.") var id: String

        func run() async throws {
            guard let id = UUID(uuidString: id) else { throw ValidationError("not a token id: \(self.id)") }
            let revoked = try await withAdminConnection { connection, logger in
                try await TokenStore.revoke(id, at: Date(), on: connection, logger: logger)
            }
            guard revoked else { throw ValidationError("no live token has id \(id)") }
            print("revoked \(id.uuidString.lowercased())")
        }
    }
}
