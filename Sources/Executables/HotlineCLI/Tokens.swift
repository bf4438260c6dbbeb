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
        @Option(help: "operator, handler, analyst or admin.") var role: String
        @Option(help: "The org unit a handler acts for (required for handlers).") var unit: String?

        func validate() throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("--role must be operator, handler, analyst or admin")
            }
            if role == .handler, unit == nil { throw ValidationError("a handler token needs --unit") }
        }

        func run() async throws {
            let role = Role(rawValue: role)!
            let unit = role == .handler ? unit : nil
            let token = try await withAdminConnection { connection, logger in
                try await TokenStore.create(
                    name: name, role: role, unitCode: unit, at: Date(), on: connection, logger: logger)
            }
            print(token.secret)
            FileHandle.standardError.write(
                Data("token \(token.id) for \(name) (\(role.rawValue)); keep the secret above, it is not stored\n".utf8)
            )
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (never their secrets).")

        func run() async throws {
            let tokens = try await withAdminConnection { connection, logger in
                try await TokenStore.list(on: connection, logger: logger)
            }
            for token in tokens {
                let state = token.revokedAt.map { "revoked \($0.formatted(.iso8601))" } ?? "live"
                print(
                    "\(token.id.uuidString.lowercased())  \(token.role.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))  \(token.unitCode ?? "-")  \(token.name)  \(state)"
                )
            }
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
