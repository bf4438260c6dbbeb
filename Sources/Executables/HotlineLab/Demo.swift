import ArgumentParser
import HotlineLab
import HotlineRuntime

/// `hotline-lab demo`: records a few tickets through the gateway's API and follows each until the
/// pipeline has dispatched it.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Push a few tickets through the running services and show where each ends up.")

    @Option(help: "How many tickets to submit.") var count = 5
    @Option(help: "Seconds to wait for every ticket to be dispatched.") var timeout = 60

    func run() async throws {
        let unsettled = try await DemoDriver(count: count, timeout: timeout).run(settings: HotlineSettings())
        if unsettled > 0 { throw ExitCode(1) }
    }
}
