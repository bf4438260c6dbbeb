import Synchronization

/// Collects the delivery reports of one `send` call; `reports()` returns once the last one has
/// arrived. Reports arrive on the producer's poll thread in any order, possibly before anyone
/// waits for them.
final class DeliveryBatch: Sendable {
    private struct State {
        var remaining: Int
        var reports: [KafkaDeliveryReport?]
        var firstError: (any Error)?
        var waiter: CheckedContinuation<[KafkaDeliveryReport], any Error>?

        var outcome: Result<[KafkaDeliveryReport], any Error> {
            firstError.map { .failure($0) } ?? .success(reports.map { $0! })
        }
    }

    private let state: Mutex<State>

    /// A batch of `count` messages, at least one.
    init(count: Int) {
        state = Mutex(State(remaining: count, reports: Array(repeating: nil, count: count)))
    }

    /// Records the report of the message at `index`.
    func complete(_ index: Int, with result: Result<KafkaDeliveryReport, any Error>) {
        let finished:
            (CheckedContinuation<[KafkaDeliveryReport], any Error>, Result<[KafkaDeliveryReport], any Error>)? =
                state.withLock { state in
                    switch result {
                    case .success(let report): state.reports[index] = report
                    case .failure(let error): state.firstError = state.firstError ?? error
                    }
                    state.remaining -= 1
                    guard state.remaining == 0, let waiter = state.waiter else { return nil }
                    state.waiter = nil
                    return (waiter, state.outcome)
                }
        if let (waiter, outcome) = finished {
            waiter.resume(with: outcome)
        }
    }

    /// Every message's report in input order, once all have arrived; the first failure otherwise.
    func reports() async throws -> [KafkaDeliveryReport] {
        try await withCheckedThrowingContinuation { continuation in
            let outcome: Result<[KafkaDeliveryReport], any Error>? = state.withLock { state in
                guard state.remaining == 0 else {
                    state.waiter = continuation
                    return nil
                }
                return state.outcome
            }
            if let outcome {
                continuation.resume(with: outcome)
            }
        }
    }
}

/// The per-message opaque handed to librdkafka: which batch, which position.
final class DeliveryTicket: Sendable {
    let batch: DeliveryBatch
    let index: Int

    init(batch: DeliveryBatch, index: Int) {
        self.batch = batch
        self.index = index
    }

    /// Records this message's report in its batch.
    func complete(_ result: Result<KafkaDeliveryReport, any Error>) {
        batch.complete(index, with: result)
    }
}
