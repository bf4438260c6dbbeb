import ArgumentParser

/// The lab's command-line tool: the city simulation, the demo, benchmarks, and the fault
/// suite's load and checks, all against a running cluster or a scratch database.
@main
struct Lab: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hotline-lab",
        abstract: "Simulate, benchmark and stress the citizen hotline platform.",
        subcommands: [Simulate.self, Demo.self, Bench.self, Load.self, Faults.self])
}
