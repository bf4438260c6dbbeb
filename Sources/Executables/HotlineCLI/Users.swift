import ArgumentParser
import Foundation
import HotlineDomain
import HotlineServices
import HotlineStorage

/// `hotline users create|list|disable`: the people who sign in to the screens with a password.
struct Users: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create, list and disable the screens' users (sign-in with a username and password).",
        subcommands: [Create.self, List.self, Disable.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Create a user; the password is read from standard input (one line), only its bcrypt hash is kept.")

        @Option(help: "The name the user signs in with.") var username: String
        @Option(help: "The name shown on the screens (the username when left out).") var displayName: String?
        @Option(help: "operator, handler, analyst, admin or grid_worker.") var role: String
        @Option(help: "The org unit a handler works for, a grid worker's community (required for both).")
        var unit: String?

        func validate() throws {
            guard let role = Role(rawValue: role), role != .external else {
                throw ValidationError("--role must be operator, handler, analyst, admin or grid_worker")
            }
            if Role.unitBound.contains(role), unit == nil {
                throw ValidationError("a handler or grid worker needs --unit")
            }
        }

        func run() async throws {
            guard let password = readLine(strippingNewline: true), password.count >= 8 else {
                throw ValidationError("give a password of at least 8 characters on standard input")
            }
            let role = Role(rawValue: role)!
            let hash = await PasswordHashing().hash(password)
            let created = try await withAdminConnection { connection, logger in
                try await ScreenUserStore.create(
                    username: username, displayName: displayName ?? username, passwordHash: hash, role: role,
                    unitCode: Role.unitBound.contains(role) ? unit : nil, at: Date(), on: connection, logger: logger)
            }
            guard let created else { throw ValidationError("the username \(username) is taken") }
            print("user \(created.uuidString.lowercased()) \(username) (\(role.rawValue)) created")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users (never their passwords).")

        func run() async throws {
            let users = try await withAdminConnection { connection, logger in
                try await ScreenUserStore.list(on: connection, logger: logger)
            }
            for user in users {
                let state = user.disabledAt.map { "disabled \($0.formatted(.iso8601))" } ?? "enabled"
                print(
                    "\(user.username)  \(user.role.rawValue)  \(user.unitCode ?? "-")  \(user.displayName)  \(state)")
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable a user; the user's open sessions end at once.")

        @Argument(help: "The user's username.") var username: String

        func run() async throws {
            let disabled = try await withAdminConnection { connection, logger in
                try await ScreenUserStore.disable(username: username, at: Date(), on: connection, logger: logger)
            }
            guard disabled else { throw ValidationError("no enabled user \(username)") }
            print("user \(username) disabled")
        }
    }
}
