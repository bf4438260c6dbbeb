public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// The screens' sessions. The browser holds a session's secret; PostgreSQL keeps its SHA-256
/// digest, so a copy of the database opens no session. A session stands for a password user or
/// an API token and lives while its user is enabled and its token is neither revoked nor expired.
public enum ScreenSessionStore {
    /// Who opened a session.
    public enum Holder: Sendable, Equatable {
        case user(UUID)
        case token(UUID)
    }

    /// An open session as each request sees it: the holder as a principal and the form token.
    public struct Open: Sendable, Equatable {
        public var principal: Principal
        /// The token every form and every changing request must carry (CSRF).
        public var formToken: String
        public var expiresAt: Date

        public init(principal: Principal, formToken: String, expiresAt: Date) {
            self.principal = principal
            self.formToken = formToken
            self.expiresAt = expiresAt
        }
    }

    /// Opens a session for `holder`, known by `secret`, until `expiresAt`.
    public static func open(
        secret: String, holder: Holder, formToken: String, at time: Date, expiresAt: Date,
        on connection: PostgresConnection, logger: Logger
    ) async throws {
        let (user, token): (UUID?, UUID?) =
            switch holder {
            case .user(let id): (id, nil)
            case .token(let id): (nil, id)
            }
        try await connection.query(
            """
            INSERT INTO screen_sessions (secret_hash, user_id, token_id, form_token, created_at, expires_at)
            VALUES (sha256(convert_to(\(secret), 'UTF8')), \(user), \(token), \(formToken), \(time), \(expiresAt))
            """, logger: logger)
    }

    /// The open session known by `secret` at `time`, or nil when it is unknown, ended, expired,
    /// or its user is disabled or its token revoked or expired.
    public static func session(
        secret: String, at time: Date, on connection: PostgresConnection, logger: Logger
    ) async throws -> Open? {
        let rows = try await connection.query(
            """
            SELECT coalesce(u.id, t.id), coalesce(u.display_name, t.name), coalesce(u.role, t.role),
                coalesce(u.unit_code, t.unit_code), o.kind, o.district_code, s.form_token,
                least(s.expires_at, t.expires_at)
            FROM screen_sessions s
            LEFT JOIN screen_users u ON u.id = s.user_id AND u.disabled_at IS NULL
            LEFT JOIN api_tokens t ON t.id = s.token_id AND t.revoked_at IS NULL
                AND (t.expires_at IS NULL OR t.expires_at > \(time))
            LEFT JOIN org_units o ON o.code = coalesce(u.unit_code, t.unit_code)
            WHERE s.secret_hash = sha256(convert_to(\(secret), 'UTF8')) AND s.ended_at IS NULL
                AND s.expires_at > \(time) AND (u.id IS NOT NULL OR t.id IS NOT NULL)
            """, logger: logger)
        for try await (id, name, role, unit, kind, district, formToken, expiresAt) in rows.decode(
            (UUID, String, String, String?, String?, String?, String, Date).self)
        {
            return Open(
                principal: Principal(
                    tokenId: id, name: name, role: try .stored(role, column: "role"), unitCode: unit,
                    unitKind: try .stored(kind, column: "kind"), districtCode: district, expiresAt: expiresAt),
                formToken: formToken, expiresAt: expiresAt)
        }
        return nil
    }

    /// Ends the session known by `secret` (sign-out); ending an ended one changes nothing.
    public static func end(
        secret: String, at time: Date, on connection: PostgresConnection, logger: Logger
    )
        async throws
    {
        try await connection.query(
            """
            UPDATE screen_sessions SET ended_at = \(time)
            WHERE secret_hash = sha256(convert_to(\(secret), 'UTF8')) AND ended_at IS NULL
            """, logger: logger)
    }

    /// Deletes sessions that ended or expired before `time`; returns how many.
    public static func purge(before time: Date, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        let rows = try await connection.query(
            "DELETE FROM screen_sessions WHERE expires_at < \(time) OR ended_at < \(time) RETURNING 1", logger: logger)
        var count = 0
        for try await _ in rows { count += 1 }
        return count
    }
}
