import ArgumentParser
import Foundation
import HotlineLab
import HotlineRuntime

/// `hotline-lab bench classifier|sla|assessment|pipeline|reads|inbox|screens|governance`: benchmarks that print numbers.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks that print numbers (build with -c release for meaningful ones).",
        subcommands: [
            Classifier.self, SLA.self, Assessment.self, Pipeline.self, Reads.self, Inbox.self, Screens.self,
            Governance.self,
        ])

    /// Classification throughput on one core.
    struct Classifier: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "classifier",
            abstract: "Classifications per second on one core with a Beijing-sized synthetic catalog.")

        @Option(help: "Requests to classify.") var requests = 200_000
        @Option(help: "Seed of the synthetic catalog and requests.") var seed: UInt64 = 12345

        func run() throws {
            try ClassifierBench(requests: requests, seed: seed).run(settings: HotlineSettings())
        }
    }

    /// SLA timer lag and tick cost.
    struct SLA: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sla",
            abstract:
                "SLA timer lag and tick cost with 10,000 and 1,000,000 pending timers (scratch database hotline_bench)."
        )

        @Option(parsing: .upToNextOption, help: "Pending timer counts to measure.") var pending: [Int] = [
            10_000, 1_000_000,
        ]
        @Option(help: "Timers that come due during each measurement.") var due = 2_000
        @Option(help: "Most timers fired per transaction.") var batch = 500
        @Option(help: "Milliseconds between ticks.") var tick = 50

        func run() async throws {
            try await SLABench(pending: pending, due: due, batch: batch, tick: tick).run(settings: HotlineSettings())
        }
    }

    /// The monthly assessment over many tickets.
    struct Assessment: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assessment",
            abstract:
                "Time the monthly assessment of 343 townships (and every district, department and enterprise) over N tickets."
        )

        @Option(help: "Tickets (assessment facts) in the month.") var tickets = 1_000_000

        func run() async throws {
            try await AssessmentBench(tickets: tickets).run(settings: HotlineSettings())
        }
    }

    /// The whole running cluster under load.
    struct Pipeline: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pipeline",
            abstract: "End-to-end tickets/s and latency through the running services (see scripts/bench).")

        @Option(help: "Seconds of closed-loop load.") var seconds = 120.0
        @Option(help: "Connections of the closed-loop load generator.") var concurrency = 64
        @Option(parsing: .upToNextOption, help: "Offered rates (tickets/s) of the latency runs.") var rates: [Double] =
            [
                100, 1_000,
            ]
        @Option(help: "Seconds of each latency run.") var rateSeconds = 20.0
        @Option(help: "Seconds of each raw-limit measurement (0 skips them).") var rawSeconds = 5.0
        @Option(help: "Seconds without progress after which waiting for the pipeline stops.") var stallSeconds = 60.0
        @Option(parsing: .upToNextOption, help: "Processes to watch, as name=pid.") var process: [String] = []
        @Option(help: "Directory for the JSON results.") var resultsDirectory = "bench-results"
        @Option(help: "Commit recorded with the results.") var commit = "unknown"

        func run() async throws {
            try await PipelineBench(
                seconds: seconds, concurrency: concurrency, rates: rates, rateSeconds: rateSeconds,
                rawSeconds: rawSeconds, stallSeconds: stallSeconds, processes: try process.map(Self.parseProcess),
                resultsDirectory: URL(fileURLWithPath: resultsDirectory), commit: commit
            ).run(settings: HotlineSettings())
        }

        private static func parseProcess(_ text: String) throws -> (name: String, pid: Int32) {
            let parts = text.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let pid = Int32(parts[1]) else {
                throw ValidationError("--process takes name=pid, not '\(text)'")
            }
            return (String(parts[0]), pid)
        }
    }

    /// The audit trail's cost on single-ticket reads through the running gateway.
    struct Reads: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reads",
            abstract:
                "GET /tickets/{id} read whole and audited (operator) against masked (analyst), in alternating rounds, and the in-process cost of recording a read."
        )

        @Option(help: "Seconds of each side's reads per round.") var seconds = 5.0
        @Option(help: "Rounds (each reads both sides, alternating which goes first).") var rounds = 4
        @Option(help: "Connections reading at once.") var concurrency = 16

        func run() async throws {
            try await ReadsBench(seconds: seconds, rounds: rounds, concurrency: concurrency).run(
                settings: HotlineSettings())
        }
    }

    /// The unit inbox: items written per second, and the live stream's fan-out latency.
    struct Inbox: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "inbox",
            abstract:
                "Inbox items written per second, and SSE fan-out to many clients of a gateway in this process (cause to delivery), on the scratch database hotline_bench."
        )

        @Option(help: "SSE clients following one unit's inbox.") var clients = 1_000
        @Option(help: "Commits of one item each whose delivery is timed.") var commits = 100
        @Option(help: "Items written for the write rate.") var items = 20_000
        @Option(help: "Items recorded per transaction for the write rate.") var batch = 100
        @Option(help: "HTTP port of the gateway the benchmark starts.") var port = 18_790

        func run() async throws {
            try await InboxBench(clients: clients, commits: commits, items: items, batch: batch, port: port).run(
                settings: HotlineSettings())
        }
    }

    /// The server's time for each screen.
    struct Screens: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "screens",
            abstract:
                "The gateway's own time (Server-Timing) for each screen on the data the running cluster holds, p50 and p99, against a static file."
        )

        @Option(help: "Reads of each page.") var samples = 100

        func run() async throws {
            try await ScreensBench(samples: samples).run(settings: HotlineSettings())
        }
    }

    /// The governance detectors against a simulated truth.
    struct Governance: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "governance",
            abstract:
                "Early warnings, recurring problems and the annual screening on two simulated years with injected surges, recurrences and hot problems: precision, recall, false alarms."
        )

        @Option(parsing: .upToNextOption, help: "Requests on an ordinary day, one run each (Beijing: about 30,000).")
        var perDay: [Double] = [30_000, 3_000]
        @Option(help: "Seed of the simulated years and their injections.") var seed: UInt64 = 2021

        func run() throws {
            try GovernanceBench(perDay: perDay, seed: seed).run(settings: HotlineSettings())
        }
    }
}
