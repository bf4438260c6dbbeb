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
    }

    /// Creates a token and returns its secret.
    public static func create(
        name: String, role: Role, unitCode: String?, at time: Date, on connection: PostgresConnection, logger: Logger
    ) async throws -> (id: UUID, secret: String) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let secret =
            "hl_"
            + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(
                of: "=", with: "")
        let id = UUID()
        try await connection.query(
            """
            INSERT INTO api_tokens (id, name, token_hash, role, unit_code, created_at)
            VALUES (\(id), \(name), sha256(convert_to(\(secret), 'UTF8')), \(role.rawValue), \(unitCode), \(time))
            """, logger: logger)
        return (id, secret)
    }

    /// The holder of `secret` with its unit's tier and district, or nil when the token is
    /// unknown or revoked; a role or unit kind the domain does not know is an error.
    public static func principal(
        for secret: String, on connection: PostgresConnection, logger: Logger
    ) async throws -> Principal? {
        let rows = try await connection.query(
            """
            SELECT a.id, a.name, a.role, a.unit_code, u.kind, u.district_code
            FROM api_tokens a LEFT JOIN org_units u ON u.code = a.unit_code
            WHERE a.token_hash = sha256(convert_to(\(secret), 'UTF8')) AND a.revoked_at IS NULL
            """, logger: logger)
        for try await (id, name, role, unit, kind, district) in rows.decode(
            (UUID, String, String, String?, String?, String?).self)
        {
            return Principal(
                tokenId: id, name: name, role: try .stored(role, column: "role"), unitCode: unit,
                unitKind: try .stored(kind, column: "kind"), districtCode: district)
        }
        return nil
    }

    /// Every token, newest first.
    public static func list(on connection: PostgresConnection, logger: Logger) async throws -> [Listing] {
        var listings: [Listing] = []
        let rows = try await connection.query(
            "SELECT id, name, role, unit_code, created_at, revoked_at FROM api_tokens ORDER BY created_at DESC",
            logger: logger)
        for try await (id, name, role, unit, created, revoked) in rows.decode(
            (UUID, String, String, String?, Date, Date?).self)
        {
            listings.append(
                Listing(
                    id: id, name: name, role: try .stored(role, column: "role"), unitCode: unit, createdAt: created,
                    revokedAt: revoked))
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
