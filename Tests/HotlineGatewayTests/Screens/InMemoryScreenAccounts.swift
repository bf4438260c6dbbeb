import Foundation
import HotlineDomain
import HotlineStorage
import Synchronization

/// The screens' users, tokens and sessions in memory, for the router tests.
final class InMemoryScreenAccounts: ScreenAccounts {
    struct User {
        var principal: Principal
        var passwordHash: String
        var disabled = false
    }

    private struct Session {
        var holder: ScreenSessionStore.Holder
        var formToken: String
        var expiresAt: Date
        var ended = false
    }

    private struct State {
        var users: [String: User]
        var tokens: [String: Principal]
        var sessions: [String: Session] = [:]
    }

    private let state: Mutex<State>

    init(users: [String: User], tokens: [String: Principal]) {
        state = Mutex(State(users: users, tokens: tokens))
    }

    func credentials(username: String) async throws -> ScreenUserStore.Credentials? {
        state.withLock { state in
            state.users[username].map {
                ScreenUserStore.Credentials(
                    id: $0.principal.tokenId, passwordHash: $0.passwordHash, disabled: $0.disabled)
            }
        }
    }

    func principal(forToken secret: String, at time: Date) async throws -> Principal? {
        state.withLock { $0.tokens[secret] }
    }

    func openSession(
        secret: String, holder: ScreenSessionStore.Holder, formToken: String, at time: Date, expiresAt: Date
    ) async throws {
        state.withLock { $0.sessions[secret] = Session(holder: holder, formToken: formToken, expiresAt: expiresAt) }
    }

    func session(secret: String, at time: Date) async throws -> ScreenSessionStore.Open? {
        state.withLock { state in
            guard let session = state.sessions[secret], !session.ended, session.expiresAt > time else { return nil }
            let principal: Principal? =
                switch session.holder {
                case .user(let id): state.users.values.first { $0.principal.tokenId == id && !$0.disabled }?.principal
                case .token(let id): state.tokens.values.first { $0.tokenId == id }
                }
            return principal.map {
                ScreenSessionStore.Open(principal: $0, formToken: session.formToken, expiresAt: session.expiresAt)
            }
        }
    }

    func endSession(secret: String, at time: Date) async throws {
        state.withLock { state in state.sessions[secret]?.ended = true }
    }

    /// The form token of the session `secret` opened.
    func formToken(session secret: String) -> String? {
        state.withLock { $0.sessions[secret]?.formToken }
    }

    /// Revokes the token `secret` (its sessions stop at once).
    func revoke(token secret: String) {
        state.withLock { _ = $0.tokens.removeValue(forKey: secret) }
    }

    /// Disables the user `username` (its sessions stop at once).
    func disable(_ username: String) {
        state.withLock { $0.users[username]?.disabled = true }
    }
}
