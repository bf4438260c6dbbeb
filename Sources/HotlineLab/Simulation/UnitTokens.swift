import Foundation
import HotlineDomain
import HotlineStorage
import Logging
import PostgresNIO
import Synchronization

/// A token per org unit, created when the unit first acts (and for the operators).
final class UnitTokens: Sendable {
    private let database: PostgresClient
    private let logger: Logger
    private let tokens = Mutex([String: String]())

    /// Tokens created in `database` as they are first needed.
    init(database: PostgresClient, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    /// The secret of `unit`'s handler token, or of the operators' token when `unit` is nil.
    func token(for unit: String?) async throws -> String {
        try await token(key: unit ?? "operators", role: unit == nil ? .operator : .handler, unit: unit)
    }

    /// The secret of the token of a grid worker of `community`.
    func token(forGridWorkerOf community: String) async throws -> String {
        try await token(key: "grid \(community)", role: .gridWorker, unit: community)
    }

    private func token(key: String, role: Role, unit: String?) async throws -> String {
        if let known = tokens.withLock({ $0[key] }) { return known }
        let created = try await database.session { connection in
            try await TokenStore.create(
                name: "simulation \(key)", role: role, unitCode: unit, at: Date(),
                on: connection,
                logger: self.logger
            ).secret
        }
        return tokens.withLock { memory in
            if let existing = memory[key] { return existing }
            memory[key] = created
            return created
        }
    }
}
