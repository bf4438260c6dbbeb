import Foundation
import HotlineRuntime
import HotlineStorage
import Logging
import PostgresNIO
import Synchronization

/// The simulated time, as the services see it: set in `simulation_clock`, then computed here
/// from the same anchor. It can be sped up (after the period, to run out the last tickets).
final class SimulationClock: Sendable {
    private let anchor: Mutex<SharedClock.Anchor>
    private let database: PostgresClient
    private let logger: Logger

    private init(anchor: SharedClock.Anchor, database: PostgresClient, logger: Logger) {
        self.anchor = Mutex(anchor)
        self.database = database
        self.logger = logger
    }

    /// Sets the shared clock to `simulated`, running `speed` times real time, and follows it.
    static func start(
        at simulated: Date, speed: Double, database: PostgresClient, logger: Logger
    ) async throws -> SimulationClock {
        let clock = SimulationClock(
            anchor: SharedClock.Anchor(real: Date(), simulated: simulated, speed: speed), database: database,
            logger: logger)
        try await clock.set(simulated: simulated, speed: speed)
        return clock
    }

    /// Simulated seconds per real second.
    var speed: Double { anchor.withLock { $0.speed } }

    /// The simulated time now.
    func now() -> Date { anchor.withLock { $0 }.simulatedTime(at: Date()) }

    /// Runs simulated time on, from the moment the change is written, at `factor` times its speed.
    func speedUp(by factor: Double) async throws {
        try await set(simulated: nil, speed: speed * factor)
    }

    /// Runs simulated time from `simulated` (nil: the simulated time when the change is written) at
    /// `speed`, for the services and here. The time is read once a connection is at hand: the
    /// simulation's thousands of tasks share the pool, and a time read before waiting for it could
    /// be simulated days old, turning the shared clock back.
    func set(simulated: Date?, speed: Double) async throws {
        let stored = try await database.session { connection in
            try await SharedClock.set(
                simulated: simulated ?? self.now(), speed: speed, on: connection, logger: self.logger)
            return try await SharedClock.read(on: connection, logger: self.logger)
        }
        guard let stored else { throw CityClient.Failure(status: 0, body: "the shared clock could not be set") }
        anchor.withLock { $0 = stored }
        // Services re-read the clock every second.
        try await Task.sleep(for: .milliseconds(1500))
    }

    /// A time `interval` after now, but at least as far ahead as a request can take in real
    /// time: thousands of simulated units share the client's connections, so a request may wait
    /// its turn for many simulated hours, and the deadline it carries must still be in the future.
    func later(by interval: TimeInterval) -> Date {
        now().addingTimeInterval(max(interval, CityClient.requestTimeout * speed))
    }

    /// Sleeps until simulated time reaches `time`, following changes of speed.
    func sleep(until time: Date) async throws {
        while true {
            let seconds = time.timeIntervalSince(now()) / speed
            guard seconds > 0 else { return }
            try await Task.sleep(for: .milliseconds(Int(min(seconds, 0.25) * 1000) + 1))
        }
    }
}
