import Foundation
import HotlineStorage

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
    /// What PostgreSQL executed during the run, when `pg_stat_statements` is loaded.
    var statements: StatementProfile?

    /// Tickets that got through every step.
    var ticketsThrough: Int { min(accepted, through.dispatched, through.withDeadlines, through.scored) }

    /// Tickets per second through the whole pipeline: accepted, dispatched, timed and scored.
    var endToEndPerSecond: Double {
        Double(ticketsThrough) / pipelineSeconds
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
        let tickets = Double(max(ticketsThrough, 1))
        for (name, stats) in processes.sorted(by: { $0.key < $1.key }) {
            Swift.print(
                String(
                    format: "  %@ CPU %6.1f s  %6.2f ms per ticket  peak RSS %6.1f MiB", Self.column(name),
                    stats.cpuSeconds, stats.cpuSeconds * 1000 / tickets, stats.peakRSSMiB))
        }
        let cpuSeconds = processes.values.map(\.cpuSeconds).reduce(0, +)
        Swift.print(
            String(
                format: "  %@ CPU %6.1f s  %6.2f ms per ticket", Self.column("all processes"), cpuSeconds,
                cpuSeconds * 1000 / tickets))
        if let statements { printStatements(statements, tickets: tickets) }
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

    /// A process name padded to one column (`%-20@` does not pad on Linux).
    private static func column(_ name: String) -> String { name.padding(toLength: 20, withPad: " ", startingAt: 0) }

    /// Statements per ticket and the statements that took most of PostgreSQL's execution time.
    private func printStatements(_ profile: StatementProfile, tickets: Double) {
        Swift.print(
            String(
                format: "  PostgreSQL: %.1f statements per ticket, %.2f ms executing and %.2f ms planning per ticket",
                Double(profile.calls) / tickets, profile.executionMilliseconds / tickets,
                profile.planningMilliseconds / tickets))
        Swift.print("    per ticket: calls  exec ms  plan ms  share  statement")
        for statement in profile.top {
            Swift.print(
                String(
                    format: "    %17.2f  %7.3f  %7.3f  %4.0f%%  %@", Double(statement.calls) / tickets,
                    statement.executionMilliseconds / tickets, statement.planningMilliseconds / tickets,
                    100 * statement.executionMilliseconds / max(profile.executionMilliseconds, 0.001),
                    statement.text))
        }
    }
}
