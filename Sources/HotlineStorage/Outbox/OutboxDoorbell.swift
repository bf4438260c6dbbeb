import Synchronization

/// Tells a process's outbox relay that a transaction of this process committed outbox rows,
/// so it publishes them at once instead of finding them at its next poll. The writers ring
/// after their commit; the relay waits on it when a round found nothing, with a timeout that
/// still finds rows written by other processes.
///
/// A ring while the relay is busy is kept (one, not a count), so the relay's next wait returns
/// at once: a commit is never left waiting for the timeout.
public final class OutboxDoorbell: Sendable {
    private struct State {
        var rung = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    public init() {}

    /// Wakes the waiting relay, or the next wait if none is waiting.
    public func ring() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.rung = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// Whether a wait is suspended on the doorbell now.
    var isWaited: Bool { state.withLock { $0.waiter != nil } }

    /// Returns when rung (at once if rung since the last wait returned), or after `timeout`.
    /// One waiter at a time: the process's relay.
    public func wait(upTo timeout: Duration) async {
        let rung = state.withLock { state in
            defer { state.rung = false }
            return state.rung
        }
        guard !rung else { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.untilRung() }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }

    private func untilRung() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let now = state.withLock { state -> Bool in
                    // Cancelled before the continuation could be stored: the handler found nothing to resume.
                    if state.rung || Task.isCancelled {
                        state.rung = false
                        return true
                    }
                    state.waiter = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
        }
    }
}
