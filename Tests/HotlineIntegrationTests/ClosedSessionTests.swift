import Foundation
import HotlineStorage
import Logging
import PostgresNIO
import Synchronization
import Testing

/// PostgreSQL ends sessions itself (a restart's fast shutdown, `pg_terminate_backend`): work on
/// such a session fails with an error that reads as "database unavailable", and the pool serves
/// the next lease, instead of the work waiting forever.
@Suite struct ClosedSessionTests {
    enum Statement: String, CaseIterable {
        case unnamed, prepared
    }

    @Test("a transaction whose session PostgreSQL ends between two statements fails", arguments: Statement.allCases)
    func endedTransactionFails(_ statement: Statement) async throws {
        try await TestDatabase.withClient(TestDatabase.server) { admin in
            try await TestDatabase.withClient(TestDatabase.server) { pool in
                let outcome = await Self.settle {
                    try await pool.transaction(logger: TestEnvironment.logger) { connection in
                        try await Self.endSession(of: connection, from: admin)
                        return try await Self.run(statement, on: connection)
                    }
                }
                #expect(outcome == .failed(unavailable: true))
                let next = try await TestDatabase.count("SELECT 1", on: pool)
                #expect(next == 1)
            }
        }
    }

    @Test("work outside a transaction on an ended session fails too")
    func endedSessionFails() async throws {
        try await TestDatabase.withClient(TestDatabase.server) { admin in
            try await TestDatabase.withClient(TestDatabase.server) { pool in
                let outcome = await Self.settle {
                    try await pool.session { connection in
                        try await Self.endSession(of: connection, from: admin)
                        return try await Self.run(.unnamed, on: connection)
                    }
                }
                #expect(outcome == .failed(unavailable: true))
            }
        }
    }

    @Test("work on a live session returns its result")
    func liveSessionReturns() async throws {
        try await TestDatabase.withClient(TestDatabase.server) { pool in
            let value = try await pool.transaction(logger: TestEnvironment.logger) { connection in
                try await Self.run(.prepared, on: connection)
            }
            #expect(value == 7)
        }
    }

    /// Terminates `connection`'s backend from another session and waits until the client has seen it.
    private static func endSession(of connection: PostgresConnection, from admin: PostgresClient) async throws {
        var pid: Int32 = 0
        for try await backend in try await connection.query("SELECT pg_backend_pid()", logger: TestEnvironment.logger)
            .decode(Int32.self)
        { pid = backend }
        try await admin.query("SELECT pg_terminate_backend(\(pid))", logger: TestEnvironment.logger)
        while !connection.isClosed { try await Task.sleep(for: .milliseconds(20)) }
    }

    private static func run(_ statement: Statement, on connection: PostgresConnection) async throws -> Int {
        var value = 0
        switch statement {
        case .unnamed:
            for try await row in try await connection.query("SELECT 7", logger: TestEnvironment.logger)
                .decode(Int.self)
            { value = row }
        case .prepared:
            for try await row in try await connection.execute(Seven(), logger: TestEnvironment.logger) { value = row }
        }
        return value
    }

    private struct Seven: PostgresPreparedStatement {
        static let sql = "SELECT 7::int8"
        typealias Row = Int
        func makeBindings() throws -> PostgresBindings { PostgresBindings() }
        func decodeRow(_ row: PostgresRow) throws -> Int { try row.decode(Int.self) }
    }

    enum Outcome: Equatable {
        case succeeded, stillWaiting
        /// Failed; `unavailable`: with an error the gateway answers with 503 (`StorageFailures`).
        case failed(unavailable: Bool)
    }

    /// How `work` ended, or `stillWaiting` when it had not after a minute (the failure this suite
    /// guards against: without the watch, it waits forever).
    private static func settle(_ work: @escaping @Sendable () async throws -> Int) async -> Outcome {
        let first = FirstOutcome()
        return await withCheckedContinuation { continuation in
            first.waiter = continuation
            Task {
                do {
                    _ = try await work()
                    first.settle(.succeeded)
                } catch {
                    first.settle(.failed(unavailable: StorageFailures.isUnavailable(error)))
                }
            }
            Task {
                try? await Task.sleep(for: .seconds(60))
                first.settle(.stillWaiting)
            }
        }
    }

    private final class FirstOutcome: Sendable {
        private let state = Mutex<(waiter: CheckedContinuation<Outcome, Never>?, done: Bool)>((nil, false))
        var waiter: CheckedContinuation<Outcome, Never>? {
            get { state.withLock { $0.waiter } }
            set { state.withLock { $0.waiter = newValue } }
        }
        func settle(_ outcome: Outcome) {
            let waiter: CheckedContinuation<Outcome, Never>? = state.withLock { state in
                guard !state.done else { return nil }
                state.done = true
                return state.waiter
            }
            waiter?.resume(returning: outcome)
        }
    }
}
