public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// Bearer tokens for the API. A token is shown once, when created; PostgreSQL keeps only its
/// SHA-256 digest, so a copy of the database does not give access.
public enum TokenStore {
    /// A token as listed to an administrator (never the secret).
    public struct Listing: Sendable {
        public var id: UUID
        public var name: String
        public var role: Role
        public var unitCode: String?
        public var createdAt: Date
        public var revokedAt: Date?
        /// When the token stops authenticating; nil when it does not expire.
        public var expiresAt: Date?
        /// The latest authentication that reached PostgreSQL (see `principal(for:at:on:logger:)`).
        public var lastUsedAt: Date?

        /// Whether the token has expired at `time`.
        public func isExpired(at time: Date) -> Bool {
            expiresAt.map { $0 <= time } ?? false
        }
    }

    /// Creates a token and returns its secret; it stops authenticating at `expiresAt` (never when nil).
    public static func create(
        name: String, role: Role, unitCode: String?, expiresAt: Date? = nil, at time: Date,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> (id: UUID, secret: String) {
        let secret = "hl_" + RandomSecret.make()
        let id = UUID()
        try await connection.query(
            """
            INSERT INTO api_tokens (id, name, token_hash, role, unit_code, created_at, expires_at)
            VALUES (
                \(id), \(name), sha256(convert_to(\(secret), 'UTF8')), \(role.rawValue), \(unitCode), \(time),
                \(expiresAt))
            """, logger: logger)
        return (id, secret)
    }

    /// The holder of `secret` at `time` with its unit's tier and district, or nil when the token
    /// is unknown, revoked or expired; a role or unit kind the domain does not know is an error.
    /// The same statement stamps the token's `last_used_at` with `time`, so a use costs one
    /// statement; a gateway that remembers checked tokens for its cache lifetime therefore stamps
    /// each token at most once per lifetime.
    public static func principal(
        for secret: String, at time: Date, on connection: PostgresConnection, logger: Logger
    ) async throws -> Principal? {
        let rows = try await connection.query(
            """
            WITH used AS (
                UPDATE api_tokens SET last_used_at = \(time)
                WHERE token_hash = sha256(convert_to(\(secret), 'UTF8')) AND revoked_at IS NULL
                    AND (expires_at IS NULL OR expires_at > \(time))
                RETURNING id, name, role, unit_code, expires_at
            )
            SELECT used.id, used.name, used.role, used.unit_code, used.expires_at, u.kind, u.district_code
            FROM used LEFT JOIN org_units u ON u.code = used.unit_code
            """, logger: logger)
        for try await (id, name, role, unit, expiresAt, kind, district) in rows.decode(
            (UUID, String, String, String?, Date?, String?, String?).self)
        {
            return Principal(
                tokenId: id, name: name, role: try .stored(role, column: "role"), unitCode: unit,
                unitKind: try .stored(kind, column: "kind"), districtCode: district, expiresAt: expiresAt)
        }
        return nil
    }

    /// Every token, newest first.
    public static func list(on connection: PostgresConnection, logger: Logger) async throws -> [Listing] {
        var listings: [Listing] = []
        let rows = try await connection.query(
            """
            SELECT id, name, role, unit_code, created_at, revoked_at, expires_at, last_used_at FROM api_tokens
            ORDER BY created_at DESC
            """, logger: logger)
        for try await (id, name, role, unit, created, revoked, expires, lastUsed) in rows.decode(
            (UUID, String, String, String?, Date, Date?, Date?, Date?).self)
        {
            listings.append(
                Listing(
                    id: id, name: name, role: try .stored(role, column: "role"), unitCode: unit, createdAt: created,
                    revokedAt: revoked, expiresAt: expires, lastUsedAt: lastUsed))
        }
        return listings
    }

    /// Revokes a token; false when there is no such live token.
    public static func revoke(
        _ id: UUID, at time: Date, on connection: PostgresConnection, logger: Logger
    ) async throws -> Bool {
        let rows = try await connection.query(
            "UPDATE api_tokens SET revoked_at = \(time) WHERE id = \(id) AND revoked_at IS NULL RETURNING id",
            logger: logger)
        for try await _ in rows { return true }
        return false
    }
}
