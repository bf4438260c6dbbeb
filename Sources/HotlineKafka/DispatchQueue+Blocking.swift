import Dispatch

extension DispatchQueue {
    /// Runs `work`, which may block, on this queue and suspends the caller until it returns:
    /// blocking librdkafka calls never occupy a thread of Swift's cooperative pool.
    func performBlocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Runs `work`, which may block but cannot fail, on this queue and suspends the caller until
    /// it returns its result.
    func performBlocking<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            async { continuation.resume(returning: work()) }
        }
    }
}
