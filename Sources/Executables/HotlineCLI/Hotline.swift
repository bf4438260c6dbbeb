import ArgumentParser

/// The operators' command-line tool: database migrations, topics, cluster status, and a demo
/// that pushes tickets through the running services.
@main
struct Hotline: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hotline",
        abstract: "Administer the citizen hotline platform.",
        subcommands: [
            Migrate.self, Topics.self, Tokens.self, Classify.self, Classifier.self, Clock.self, Simulate.self,
            Assess.self,
            VerifyScores.self,
            Report.self,
            Status.self, Demo.self, Bench.self, Load.self, Faults.self, Config.self,
            Probe.self,
        ])
}
