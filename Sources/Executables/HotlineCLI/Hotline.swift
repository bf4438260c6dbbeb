import ArgumentParser

/// The operators' command-line tool: database migrations, topics, tokens, the classifier, the
/// shared clock, the monthly assessment and reports, cluster status and configuration, the
/// places' outlines. The simulation, benchmarks and fault tools are `hotline-lab`.
@main
struct Hotline: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hotline",
        abstract: "Administer the citizen hotline platform.",
        subcommands: [
            Migrate.self, Topics.self, Tokens.self, Users.self, Classifier.self, ClockCommand.self, Assess.self,
            VerifyScores.self, Report.self, Status.self, Config.self, Probe.self, Places.self, Org.self,
        ])
}
