import Foundation

/// What one load run measured.
struct PipelineRun: Sendable, Codable {
    var name: String
    /// Tickets the gateway accepted (2xx).
    var accepted: Int
    var rejected: Int
    var retries: Int
    /// Seconds the load generator sent for.
    var loadSeconds: Double
    /// Seconds from the first request until every accepted ticket was through (or the wait gave up).
    var pipelineSeconds: Double
    var through: PipelineProbe.Through
    var gatewayLatency: LatencySummary
    var intakeToDispatched: LatencySummary
    /// CPU seconds used during the run and peak memory, per process.
    var processes: [String: ProcessStats]
    var lag: [PipelineProbe.LagSample]

    /// Tickets per second through the whole pipeline: accepted, dispatched, timed and scored.
    var endToEndPerSecond: Double {
        Double(min(accepted, through.dispatched, through.withDeadlines, through.scored)) / pipelineSeconds
    }

    /// Prints the run's numbers, with a sparse timeline of the consumer lag.
    func print() {
        Swift.print(
            String(
                format: "  accepted %d tickets in %.1f s (%.0f/s at the gateway); %d rejected, %d retried",
                accepted, loadSeconds, Double(accepted) / loadSeconds, rejected, retries))
        Swift.print(
            String(
                format:
                    "  through the pipeline after %.1f s: %d dispatched, %d with deadlines, %d scored → %.0f tickets/s end to end",
                pipelineSeconds, through.dispatched, through.withDeadlines, through.scored, endToEndPerSecond))
        if !through.reached(accepted) { Swift.print("  NOT every accepted ticket got through before the wait gave up") }
        Swift.print("  gateway POST /tickets latency: \(gatewayLatency.line)")
        Swift.print("  intake to dispatched latency:  \(intakeToDispatched.line)")
        for (name, stats) in processes.sorted(by: { $0.key < $1.key }) {
            Swift.print(
                String(format: "  %-20@ CPU %6.1f s  peak RSS %6.1f MiB", name, stats.cpuSeconds, stats.peakRSSMiB))
        }
        let peaks = lag.reduce(into: [String: Int64]()) { peaks, sample in
            for (group, value) in sample.lag { peaks[group] = max(peaks[group] ?? 0, value) }
        }
        Swift.print(
            "  peak consumer lag: "
                + peaks.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        let step = max(1, lag.count / 10)
        for sample in stride(from: 0, to: lag.count, by: step).map({ lag[$0] }) {
            Swift.print(
                String(format: "    t=%5.0f s  ", sample.at)
                    + sample.lag.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "  "))
        }
    }
}
