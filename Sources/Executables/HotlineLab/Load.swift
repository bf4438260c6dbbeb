import ArgumentParser
import Foundation
import HotlineLab
import HotlineRuntime

/// `hotline-lab load`: steady ticket load through the gateway's API (the fault suite's load),
/// writing the id of every ticket the gateway accepted.
struct Load: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send tickets at a fixed rate through the gateway, retrying through outages; write the accepted ids.")

    @Option(help: "Tickets per second offered.") var rate = 50.0
    @Option(help: "Seconds of load.") var seconds = 60.0
    @Option(help: "Connections.") var concurrency = 16
    @Option(help: "File to write the accepted ticket ids to, one per line.") var acceptedFile: String

    func run() async throws {
        let rejected = try await FaultSuiteLoad(
            rate: rate, seconds: seconds, concurrency: concurrency, acceptedFile: URL(fileURLWithPath: acceptedFile)
        ).run(settings: HotlineSettings())
        if rejected > 0 { throw ExitCode(3) }
    }
}
