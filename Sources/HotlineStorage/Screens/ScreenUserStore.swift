public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// The people who sign in to the screens with a password (`hotline users`). Only a bcrypt hash
/// of the password is kept; hashing and checking happen in the services, never in SQL.
public enum ScreenUserStore {
    /// A user as listed to an administrator (never the hash).
    public struct Listing: Sendable {
        public var id: UUID
        public var username: String
        public var displayName: String
        public var role: Role
        public var unitCode: String?
        public var createdAt: Date
        public var disabledAt: Date?
    }

    /// What a password sign-in checks: the user's hash and whether the user may still sign in.
    public struct Credentials: Sendable {
        public var id: UUID
        public var passwordHash: String
        public var disabled: Bool

        public init(id: UUID, passwordHash: String, disabled: Bool) {
            self.id = id
            self.passwordHash = passwordHash
            self.disabled = disabled
        }
    }

    /// Creates a user; nil when the username is taken.
    public static func create(
        username: String, displayName: String, passwordHash: String, role: Role, unitCode: String?, at time: Date,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> UUID? {
        let id = UUID()
        let rows = try await connection.query(
            """
            INSERT INTO screen_users (id, username, display_name, password_hash, role, unit_code, created_at)
            VALUES (\(id), \(username), \(displayName), \(passwordHash), \(role.rawValue), \(unitCode), \(time))
            ON CONFLICT (username) DO NOTHING RETURNING id
            """, logger: logger)
        for try await _ in rows { return id }
        return nil
    }

    /// The credentials of `username`, or nil when there is no such user.
    public static func credentials(
        username: String, on connection: PostgresConnection, logger: Logger
    ) async throws -> Credentials? {
        let rows = try await connection.query(
            "SELECT id, password_hash, disabled_at IS NOT NULL FROM screen_users WHERE username = \(username)",
            logger: logger)
        for try await (id, hash, disabled) in rows.decode((UUID, String, Bool).self) {
            return Credentials(id: id, passwordHash: hash, disabled: disabled)
        }
        return nil
    }

    /// Every user, by username.
    public static func list(on connection: PostgresConnection, logger: Logger) async throws -> [Listing] {
        var listings: [Listing] = []
        let rows = try await connection.query(
            """
            SELECT id, username, display_name, role, unit_code, created_at, disabled_at FROM screen_users
            ORDER BY username
            """, logger: logger)
        for try await (id, username, name, role, unit, created, disabled) in rows.decode(
            (UUID, String, String, String, String?, Date, Date?).self)
        {
            listings.append(
                Listing(
                    id: id, username: username, displayName: name, role: try .stored(role, column: "role"),
                    unitCode: unit, createdAt: created, disabledAt: disabled))
        }
        return listings
    }

    /// Disables a user and ends the user's sessions; false when there is no such enabled user.
    public static func disable(
        username: String, at time: Date, on connection: PostgresConnection, logger: Logger
    ) async throws -> Bool {
        let rows = try await connection.query(
            """
            WITH disabled AS (
                UPDATE screen_users SET disabled_at = \(time)
                WHERE username = \(username) AND disabled_at IS NULL RETURNING id
            ), ended AS (
                UPDATE screen_sessions SET ended_at = \(time)
                WHERE user_id IN (SELECT id FROM disabled) AND ended_at IS NULL
            )
            SELECT id FROM disabled
            """, logger: logger)
        for try await _ in rows { return true }
        return false
    }
}
