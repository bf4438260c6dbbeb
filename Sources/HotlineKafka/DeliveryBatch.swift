import Synchronization

/// Collects the delivery reports of one `send` call and resumes its caller when the last one
/// arrives. Reports arrive on librdkafka's poll thread in any order.
final class DeliveryBatch: Sendable {
    private struct State {
        var remaining: Int
        var reports: [KafkaDeliveryReport?]
        var firstError: (any Error)?
        var continuation: CheckedContinuation<[KafkaDeliveryReport], any Error>?
    }

    private let state: Mutex<State>

    init(count: Int, continuation: CheckedContinuation<[KafkaDeliveryReport], any Error>) {
        state = Mutex(State(remaining: count, reports: Array(repeating: nil, count: count), continuation: continuation))
    }

    func complete(_ index: Int, with result: Result<KafkaDeliveryReport, any Error>) {
        let finished:
            (CheckedContinuation<[KafkaDeliveryReport], any Error>, Result<[KafkaDeliveryReport], any Error>)? =
                state.withLock { state in
                    switch result {
                    case .success(let report): state.reports[index] = report
                    case .failure(let error): state.firstError = state.firstError ?? error
                    }
                    state.remaining -= 1
                    guard state.remaining == 0, let continuation = state.continuation else { return nil }
                    state.continuation = nil
                    if let error = state.firstError { return (continuation, .failure(error)) }
                    return (continuation, .success(state.reports.map { $0! }))
                }
        if let (continuation, result) = finished {
            continuation.resume(with: result)
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

    func complete(_ result: Result<KafkaDeliveryReport, any Error>) {
        batch.complete(index, with: result)
    }
}
