public import Logging
public import PostgresNIO

extension PostgresClient {
    /// The pool's `withConnection`, except that `work` fails with an error when PostgreSQL ends
    /// its session, instead of waiting forever (`ClosedSessionWatch`). Every lease of the
    /// platform goes through here or `transaction`.
    public func session<Result: Sendable>(
        _ work: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await withConnection { connection in
            try await ClosedSessionWatch.run(on: connection) { try await work(connection) }
        }
    }

    /// The pool's `withTransaction` (`BEGIN`, `work`, `COMMIT`, or `ROLLBACK` when `work` throws),
    /// guarded like `session`.
    public func transaction<Result: Sendable>(
        logger: Logger, _ work: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await withConnection { connection in
            try await ClosedSessionWatch.run(on: connection) {
                try await connection.withTransaction(logger: logger) { try await work($0) }
            }
        }
    }
}
