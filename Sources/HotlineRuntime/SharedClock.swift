public import Foundation
public import HotlineDomain
import HotlineStorage
public import Logging
public import PostgresNIO
public import ServiceLifecycle
import Synchronization

/// The simulated time every service shares when `HOTLINE_CLOCK=shared`: one row in
/// `simulation_clock` says that simulated time ran from `simulated_anchor` at `speed` times
/// real time since `real_anchor`. Each process reads the row every second (a `Service`) and
/// computes the time itself, so all services agree up to their machines' clock skew and
/// `hotline clock set` changes the pace of the whole cluster at once. Without a row it is the
/// machine's time.
public final class SharedClock: HotlineClock, Service {
    /// One reading of `simulation_clock`.
    public struct Anchor: Sendable, Equatable {
        public var real: Date
        public var simulated: Date
        public var speed: Double

        public init(real: Date, simulated: Date, speed: Double) {
            self.real = real
            self.simulated = simulated
            self.speed = speed
        }

        /// Simulated time at real time `real`.
        public func simulatedTime(at real: Date) -> Date {
            simulated.addingTimeInterval(real.timeIntervalSince(self.real) * speed)
        }
    }

    private let anchor = Mutex<Anchor?>(nil)
    private let database: PostgresClient
    private let logger: Logger
    static let refreshInterval = Duration.seconds(1)

    public init(database: PostgresClient, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    public func now() -> Date {
        let real = Date()
        return anchor.withLock { $0 }?.simulatedTime(at: real) ?? real
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let current = try await database.session { try await Self.read(on: $0, logger: self.logger) }
                anchor.withLock { $0 = current }
            } catch {
                logger.warning(
                    "could not read the shared clock; keeping the last reading", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: Self.refreshInterval)
        }
    }

    /// The shared clock's anchor, or nil when simulated time is off.
    public static func read(on connection: PostgresConnection, logger: Logger) async throws -> Anchor? {
        try await SimulationClockStore.read(on: connection, logger: logger).map {
            Anchor(real: $0.real, simulated: $0.simulated, speed: $0.speed)
        }
    }

    /// Starts simulated time at `simulated` (now), running `speed` times real time.
    public static func set(
        simulated: Date, speed: Double, on connection: PostgresConnection, logger: Logger
    ) async throws {
        try await SimulationClockStore.set(simulated: simulated, speed: speed, on: connection, logger: logger)
    }

    /// Turns simulated time off: every service goes back to real time.
    public static func reset(on connection: PostgresConnection, logger: Logger) async throws {
        try await SimulationClockStore.reset(on: connection, logger: logger)
    }
}
