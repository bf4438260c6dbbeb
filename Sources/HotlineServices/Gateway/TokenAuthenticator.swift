import Foundation
import HotlineDomain
import HotlineStorage
import Hummingbird
import Logging
import PostgresNIO
import Synchronization

/// Checks `Authorization: Bearer <token>` against the hashed tokens in PostgreSQL, remembering
/// each answer for `lifetime` so a busy gateway does not ask on every request.
final class TokenAuthenticator: Sendable {
    private struct Remembered {
        var principal: Principal?
        var checkedAt: Date
    }

    /// Past this many remembered tokens, the memory starts over (unknown tokens are remembered too).
    private static let capacity = 10_000

    private let remembered = Mutex([String: Remembered]())
    private let lifetime: TimeInterval
    private let clock: any HotlineClock

    init(lifetime: TimeInterval, clock: any HotlineClock) {
        self.lifetime = lifetime
        self.clock = clock
    }

    /// The caller of `request`, if it holds a token allowed one of `roles`; else a 401 or 403 problem.
    func authorize(
        _ request: Request, roles: Set<Role>, database: PostgresClient, logger: Logger
    ) async throws -> Principal {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer "),
            case let secret = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces), !secret.isEmpty
        else {
            throw Self.unauthorized(
                "send 'Authorization: Bearer <token>'; tokens are made with 'hotline tokens create'")
        }
        guard let principal = try await principal(for: secret, database: database, logger: logger) else {
            throw Self.unauthorized("the token is unknown or revoked")
        }
        guard roles.contains(principal.role) else {
            throw ProblemDetails(
                .forbidden, type: "/problems/forbidden", title: "Not allowed for this role",
                detail:
                    "role '\(principal.role.rawValue)' may not do this; allowed: \(roles.map(\.rawValue).sorted().joined(separator: ", "))"
            )
        }
        return principal
    }

    private func principal(for secret: String, database: PostgresClient, logger: Logger) async throws -> Principal? {
        let now = clock.now()
        if let known = remembered.withLock({ $0[secret] }), now.timeIntervalSince(known.checkedAt) < lifetime {
            return known.principal
        }
        let principal = try await ServiceUnavailable.mapping {
            try await database.withConnection { try await TokenStore.principal(for: secret, on: $0, logger: logger) }
        }
        remembered.withLock { memory in
            if memory.count >= Self.capacity { memory.removeAll(keepingCapacity: true) }
            memory[secret] = Remembered(principal: principal, checkedAt: now)
        }
        return principal
    }

    private static func unauthorized(_ detail: String) -> ProblemDetails {
        ProblemDetails(
            .unauthorized, type: "/problems/unauthorized", title: "Authentication required", detail: detail,
            challenge: "Bearer")
    }
}
