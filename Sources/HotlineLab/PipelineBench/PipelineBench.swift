import Foundation
import HotlineRuntime
import HotlineStorage
import Logging
import NIOPosix
import PostgresNIO

/// The whole platform under load, against the running cluster it is configured for
/// (`scripts/bench` starts one of its own).
///
/// It measures the machine's raw limits, then pushes tickets through the gateway's API from a
/// fixed number of connections, waits until every accepted ticket is dispatched, has its
/// deadlines and was counted by the scoring aggregator, and reports throughput, latencies,
/// per-process CPU and memory and consumer lag; then does the same at fixed offered rates.
package struct PipelineBench: Sendable {
    /// Seconds of closed-loop load.
    package var seconds: Double
    /// Connections of the closed-loop load generator.
    package var concurrency: Int
    /// Offered rates (tickets/s) of the latency runs.
    package var rates: [Double]
    /// Seconds of each latency run.
    package var rateSeconds: Double
    /// Seconds of each raw-limit measurement (0 skips them).
    package var rawSeconds: Double
    /// Seconds without progress after which waiting for the pipeline stops.
    package var stallSeconds: Double
    /// Processes to watch: name and pid.
    package var processes: [(name: String, pid: Int32)]
    /// Directory for the JSON results.
    package var resultsDirectory: URL
    /// Commit recorded with the results.
    package var commit: String

    /// A benchmark with every choice spelled out.
    package init(
        seconds: Double, concurrency: Int, rates: [Double], rateSeconds: Double, rawSeconds: Double,
        stallSeconds: Double, processes: [(name: String, pid: Int32)], resultsDirectory: URL, commit: String
    ) {
        self.seconds = seconds
        self.concurrency = concurrency
        self.rates = rates
        self.rateSeconds = rateSeconds
        self.rawSeconds = rawSeconds
        self.stallSeconds = stallSeconds
        self.processes = processes
        self.resultsDirectory = resultsDirectory
        self.commit = commit
    }

    /// Runs the raw limits, the throughput run and the latency runs; prints each and writes
    /// the JSON results.
    package func run(settings: HotlineSettings) async throws {
        let logger = Observability.logger(for: "hotline-bench", level: .error)
        let group = MultiThreadedEventLoopGroup.singleton

        try await settings.database.withRunningClient(logger: logger) { database in
            let load = try await TicketLoad.prepare(
                settings: settings, database: database, tokenName: "pipeline bench", concurrency: concurrency,
                runId: "bench-\(UUID().uuidString.prefix(8).lowercased())", seed: 7, logger: logger)
            print(
                "load: \(load.templates.count) distinct requests of the simulated city, each expected to be dispatched without review"
            )
            let probe = PipelineProbe(database: database, kafka: settings.kafkaClient("hotline-bench"), logger: logger)

            var raw: RawLimits?
            if rawSeconds > 0 {
                let message = Array((load.templates.first ?? "{").utf8) + Array(#","caller_phone":"13900000000"}"#.utf8)
                raw = try await RawLimits.Probe(
                    kafka: settings.kafkaClient("hotline-bench-raw"), database: database,
                    gatewayHost: settings.httpHost,
                    gatewayPort: settings.httpPort(of: .intakeGateway), group: group, message: message,
                    connections: concurrency,
                    seconds: rawSeconds, logger: logger
                ).measure()
                raw.map(Self.printRaw)
            }

            print(String(format: "\nthroughput: %.0f s of load from %d connections", seconds, concurrency))
            let throughput = try await measureRun(
                "throughput", load: load, pace: .closedLoop(seconds: seconds), probe: probe, processes: processes,
                group: group)
            throughput.print()
            if let raw {
                print(
                    String(
                        format: "  end-to-end / slowest raw limit (%@, %.0f/s): %.2f", raw.slowest.name,
                        raw.slowest.perSecond,
                        throughput.endToEndPerSecond / raw.slowest.perSecond))
            }

            var latencyRuns: [PipelineRun] = []
            for rate in rates {
                print(String(format: "\nlatency at %.0f tickets/s offered for %.0f s", rate, rateSeconds))
                let run = try await measureRun(
                    "latency at \(Int(rate))/s", load: load,
                    pace: .fixedRate(perSecond: rate, count: Int(rate * rateSeconds)),
                    probe: probe,
                    processes: processes, group: group)
                run.print()
                latencyRuns.append(run)
            }

            let report = PipelineReport(
                commit: commit, machine: .current(), raw: raw, throughput: throughput, latencyRuns: latencyRuns,
                settings: .init(seconds: seconds, concurrency: concurrency, rateSeconds: rateSeconds))
            let path = try report.write(to: resultsDirectory)
            print("\nresults: \(path.path)")
        }
    }

    /// One load run and the wait for the pipeline to finish with its tickets.
    private func measureRun(
        _ name: String, load: TicketLoad, pace: TicketLoad.Pace, probe: PipelineProbe,
        processes: [(name: String, pid: Int32)], group: MultiThreadedEventLoopGroup
    ) async throws -> PipelineRun {
        var load = load
        load.runId += "-" + name.filter { $0.isLetter || $0.isNumber }
        let since = Date()
        let cpuBefore = Dictionary(
            uniqueKeysWithValues: processes.map { ($0.0, ProcessStats.read(pid: $0.1)?.cpuSeconds ?? 0) })
        let profiling = try await StatementProfile.reset(on: probe.database, logger: probe.logger)
        let lagSampler = Task { try await probe.sampleLag(every: .seconds(1)) }
        let outcome = try await load.run(pace, group: group)
        let through = try await probe.waitUntilThrough(
            outcome.accepted.count, since: since, stall: .seconds(stallSeconds))
        lagSampler.cancel()
        let lag = (try? await lagSampler.value) ?? []
        let statements =
            profiling ? try await StatementProfile.read(top: 12, on: probe.database, logger: probe.logger) : nil
        let finished = Date()
        var perProcess: [String: ProcessStats] = [:]
        for (processName, pid) in processes {
            guard let stats = ProcessStats.read(pid: pid) else { continue }
            perProcess[processName] = ProcessStats(
                cpuSeconds: stats.cpuSeconds - (cpuBefore[processName] ?? 0), peakRSSMiB: stats.peakRSSMiB)
        }
        return PipelineRun(
            name: name, accepted: outcome.accepted.count, rejected: outcome.rejected, retries: outcome.retries,
            loadSeconds: outcome.elapsedSeconds, pipelineSeconds: finished.timeIntervalSince(since), through: through,
            gatewayLatency: LatencySummary(seconds: outcome.latencies),
            intakeToDispatched: LatencySummary(seconds: try await probe.intakeToDispatchedSeconds(since: since)),
            processes: perProcess, lag: lag, statements: statements)
    }

    private static func printRaw(_ raw: RawLimits) {
        print("raw limits of this machine (same message and row sizes as the pipeline):")
        print(
            String(
                format: "  broker: produce %.0f msg/s, consume %.0f msg/s, produce-then-consume %.0f msg/s",
                raw.brokerProducePerSecond, raw.brokerConsumePerSecond, raw.brokerProduceConsumePerSecond))
        print(
            String(
                format: "  PostgreSQL inserts: single-row transactions %.0f rows/s, batches of 500 %.0f rows/s",
                raw.postgresSingleRowInsertsPerSecond, raw.postgresBatchedInsertsPerSecond))
        print(String(format: "  HTTP GET /healthz: %.0f requests/s", raw.httpNoWorkRequestsPerSecond))
    }
}
