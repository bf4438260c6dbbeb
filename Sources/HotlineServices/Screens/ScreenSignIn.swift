public import Foundation
public import HotlineDomain
public import HotlineStorage

/// Signing in to the screens: with a password an administrator set, or with an API token;
/// either opens a session the browser keeps in a cookie. Every page asks for the session again,
/// so signing out, disabling the user or revoking the token ends it at once.
public struct ScreenSignIn: Sendable {
    /// What a person signs in with.
    public enum Credential: Sendable {
        case password(username: String, password: String)
        case token(String)
    }

    /// A session just opened: its secret goes to the browser, never to storage.
    public struct Opened: Sendable {
        public var secret: String
        public var session: ScreenSessionStore.Open
    }

    /// How long a session lasts: a shift and its overlap.
    public static let defaultLifetime: TimeInterval = 12 * 3600

    let accounts: any ScreenAccounts
    let passwords: PasswordHashing
    let clock: any HotlineClock
    let lifetime: TimeInterval

    /// Sessions in `accounts`, timed by `clock` (real time: sessions are about people, not tickets).
    public init(
        accounts: any ScreenAccounts, passwords: PasswordHashing = PasswordHashing(), clock: any HotlineClock,
        lifetime: TimeInterval = Self.defaultLifetime
    ) {
        self.accounts = accounts
        self.passwords = passwords
        self.clock = clock
        self.lifetime = lifetime
    }

    /// Opens a session for `credential`, or nil when it is refused (the same answer for an
    /// unknown user, a wrong password, a disabled user and a dead token).
    public func signIn(_ credential: Credential) async throws -> Opened? {
        let now = clock.now()
        let holder: ScreenSessionStore.Holder
        switch credential {
        case .password(let username, let password):
            let credentials = try await accounts.credentials(username: username)
            let matches = await passwords.verify(password, hash: credentials?.passwordHash)
            guard let credentials, matches, !credentials.disabled else { return nil }
            holder = .user(credentials.id)
        case .token(let secret):
            // An external system's token files through Open311 only; it opens no screen.
            guard let principal = try await accounts.principal(forToken: secret, at: now),
                principal.role != .external
            else { return nil }
            holder = .token(principal.tokenId)
        }
        let secret = RandomSecret.make()
        try await accounts.openSession(
            secret: secret, holder: holder, formToken: RandomSecret.make(), at: now,
            expiresAt: now.addingTimeInterval(lifetime))
        guard let session = try await accounts.session(secret: secret, at: now) else { return nil }
        return Opened(secret: secret, session: session)
    }

    /// The open session the browser's `secret` names, or nil.
    public func session(secret: String) async throws -> ScreenSessionStore.Open? {
        try await accounts.session(secret: secret, at: clock.now())
    }

    /// Ends the session `secret` names.
    public func signOut(secret: String) async throws {
        try await accounts.endSession(secret: secret, at: clock.now())
    }
}
