import ArgumentParser
import Foundation
import HotlineRuntime

/// `hotline clock set|show|real`: the simulated time services share when `HOTLINE_CLOCK=shared`.
struct ClockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clock",
        abstract: "Set, show or turn off the simulated clock that services started with HOTLINE_CLOCK=shared follow.",
        subcommands: [Set.self, Show.self, Real.self])

    /// Starts simulated time.
    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start simulated time at a moment, running SPEED times real time (720: a month in an hour).")

        @Option(
            help: "Simulated time to start from, ISO 8601 (default: now, or the current simulated time when one runs).")
        var at: String?
        @Option(help: "How many simulated seconds pass per real second.") var speed: Double = 1

        func run() async throws {
            guard speed > 0 else { throw ValidationError("--speed must be above 0") }
            let start = try at.map { text in
                guard let date = try? Date(text, strategy: .iso8601) else {
                    throw ValidationError("--at must be ISO 8601, e.g. 2026-12-01T08:00:00+08:00")
                }
                return date
            }
            let speed = speed
            let anchor = try await withAdminConnection { connection, logger in
                let current =
                    try await SharedClock.read(on: connection, logger: logger)?.simulatedTime(at: Date()) ?? Date()
                try await SharedClock.set(simulated: start ?? current, speed: speed, on: connection, logger: logger)
                return try await SharedClock.read(on: connection, logger: logger)
            }
            print(anchor.map(Show.describe) ?? "the clock was not set")
        }
    }

    /// Prints the shared clock.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the shared clock.")

        func run() async throws {
            let anchor = try await withAdminConnection { connection, logger in
                try await SharedClock.read(on: connection, logger: logger)
            }
            print(anchor.map(Self.describe) ?? "real time (no simulated clock set)")
        }

        /// The anchor's simulated time now and its speed.
        static func describe(_ anchor: SharedClock.Anchor) -> String {
            "simulated time \(anchor.simulatedTime(at: Date()).formatted(.iso8601)), running \(anchor.speed)× real time"
        }
    }

    /// Turns simulated time off.
    struct Real: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn simulated time off: services follow real time again.")

        func run() async throws {
            try await withAdminConnection { connection, logger in
                try await SharedClock.reset(on: connection, logger: logger)
            }
            print("real time")
        }
    }
}
