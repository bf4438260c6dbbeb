import NIOCore
import PostgresNIO
import Synchronization

/// Fails work whose connection closes under it, instead of letting it wait forever.
///
/// PostgresNIO (1.33) writes a query to its connection's channel without a promise for the
/// write. Once the channel has closed, the write fails silently and the query's own promise is
/// never completed: its caller waits forever. PostgreSQL closes sessions itself when it shuts
/// down (`57P01`), so after a restart a worker that was between two statements of a
/// transaction hung for good (the fault suite's PostgreSQL restart found it). The work runs in a
/// task of its own; when its connection closes and the work has not ended `grace` later, its
/// caller gets `ClosedSessionWatch.SessionEnded` and goes on, and the stuck task is left behind
/// (it holds its closure's captures, and nothing else: the pool drops a closed connection).
enum ClosedSessionWatch {
    /// Thrown to the caller of work whose connection closed before the work ended.
    struct SessionEnded: Error, CustomStringConvertible {
        var description: String { "the database session ended while its work was in progress" }
    }

    /// How long work may go on after its connection closed, to end on its own (with its own error).
    static let grace = TimeAmount.seconds(1)

    private static let watches = WatchedConnections()

    /// Runs `work` on `connection`; throws `SessionEnded` when the connection closes first and
    /// `work` has not ended `grace` later. Cancellation is passed on to `work`.
    static func run<Result: Sendable>(
        on connection: PostgresConnection, _ work: @escaping @Sendable () async throws -> Result
    ) async throws -> Result {
        let outcome = Outcome<Result>()
        let watch = watches.watch(connection) { outcome.settle(.failure(SessionEnded())) }
        let task = Task {
            do {
                outcome.settle(.success(try await work()))
            } catch {
                outcome.settle(.failure(error))
            }
        }
        defer { watches.forget(watch) }
        return try await withTaskCancellationHandler {
            try await outcome.value()
        } onCancel: {
            task.cancel()
        }
    }
}

/// The connections with work in progress, and what to do for that work when one closes. Each
/// connection's close is observed once, however many times work runs on it.
private final class WatchedConnections: Sendable {
    struct Watch {
        var connection: ObjectIdentifier
        var id: UInt64
    }

    private struct State {
        var nextId: UInt64 = 0
        /// Per watched connection, the work in progress on it.
        var work: [ObjectIdentifier: [UInt64: @Sendable () -> Void]] = [:]
    }

    private let state = Mutex(State())

    /// Calls `onClose` when `connection` closes (at once if it has closed already) unless the
    /// watch is forgotten before.
    func watch(_ connection: PostgresConnection, onClose: @escaping @Sendable () -> Void) -> Watch {
        let key = ObjectIdentifier(connection)
        let (watch, isNew) = state.withLock { state in
            state.nextId &+= 1
            let isNew = state.work[key] == nil
            state.work[key, default: [:]][state.nextId] = onClose
            return (Watch(connection: key, id: state.nextId), isNew)
        }
        if isNew {
            // The connection is kept alive until its entry is settled: a connection is known by its
            // identity, and a new one allocated in a freed one's memory during the grace would
            // otherwise share its key and have its own work failed (seen in a test run, where
            // pools open and close connections all the time).
            connection.closeFuture.whenComplete { [self] _ in
                connection.eventLoop.scheduleTask(in: ClosedSessionWatch.grace) {
                    withExtendedLifetime(connection) { self.closed(key) }
                }
            }
        }
        return watch
    }

    func forget(_ watch: Watch) {
        state.withLock { state in
            state.work[watch.connection]?[watch.id] = nil
        }
    }

    private func closed(_ key: ObjectIdentifier) {
        let stranded = state.withLock { state in state.work.removeValue(forKey: key) ?? [:] }
        for onClose in stranded.values { onClose() }
    }
}

/// The first result one piece of work settles with, handed to whoever waits for it.
private final class Outcome<Value: Sendable>: Sendable {
    private enum State {
        case pending(CheckedContinuation<Value, any Error>?)
        case settled(Result<Value, any Error>)
    }

    private let state = Mutex(State.pending(nil))

    func settle(_ result: Result<Value, any Error>) {
        let waiter: CheckedContinuation<Value, any Error>? = state.withLock { state in
            guard case .pending(let waiter) = state else { return nil }
            state = .settled(result)
            return waiter
        }
        waiter?.resume(with: result)
    }

    func value() async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            let settled: Result<Value, any Error>? = state.withLock { state in
                switch state {
                case .pending:
                    state = .pending(continuation)
                    return nil
                case .settled(let result):
                    return result
                }
            }
            if let settled { continuation.resume(with: settled) }
        }
    }
}
