public import Logging
public import ServiceLifecycle

/// Takes a sample every `interval` of real time until the service stops: reads figures from
/// PostgreSQL and records them as gauges. A failed sample is logged (PostgreSQL may be down,
/// which other metrics and `/readyz` report) and the next one is tried.
public struct PeriodicSampler: Service {
    private let name: String
    private let interval: Duration
    private let sample: @Sendable () async throws -> Void
    private let logger: Logger

    /// Samples `what` (named in the logs) every `interval`.
    public init(
        _ name: String, every interval: Duration = .seconds(5), logger: Logger,
        sample: @escaping @Sendable () async throws -> Void
    ) {
        self.name = name
        self.interval = interval
        self.sample = sample
        self.logger = logger
    }

    public func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await sample()
                } catch is CancellationError {
                    return
                } catch {
                    logger.warning("sampling failed", metadata: ["sample": "\(name)", "error": "\(error)"])
                }
                try await Task.sleep(for: interval)
            }
        }
    }
}
