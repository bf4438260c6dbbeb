import Logging
import ServiceLifecycle
import Synchronization

/// Runs a service's warm-up (`ServiceParts.warmUp`) once at start, again every second while it
/// fails (PostgreSQL not there yet), and tells `/readyz` when it is done.
final class WarmUp: Service, Sendable {
    private let work: @Sendable () async throws -> Void
    private let logger: Logger
    private let done = Atomic(false)

    init(work: @escaping @Sendable () async throws -> Void, logger: Logger) {
        self.work = work
        self.logger = logger
    }

    /// Whether the warm-up has finished.
    var isDone: Bool { done.load(ordering: .acquiring) }

    func run() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await self.work() }
                done.store(true, ordering: .releasing)
                logger.info("warmed up", metadata: ["seconds": "\((clock.now - started).components.seconds)"])
                break
            } catch {
                logger.warning("warm-up failed, trying again in a second: \(error)")
                try? await Task.sleep(for: .seconds(1))
            }
        }
        try? await gracefulShutdown()
    }
}
