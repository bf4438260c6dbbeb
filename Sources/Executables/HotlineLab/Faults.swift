import ArgumentParser
import Foundation
import HotlineLab
import HotlineRuntime

/// `hotline-lab faults`: the fault suite's tools (`scripts/faults` drives them).
struct Faults: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Poison injection and the after-the-storm checks of the fault suite.",
        subcommands: [Poison.self, Check.self])

    /// `hotline-lab faults poison`: malformed messages into every topic a service consumes.
    struct Poison: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send malformed messages to every consumed topic; print how many.")

        func run() async throws {
            print(try await PoisonMessages.send(settings: HotlineSettings()))
        }
    }

    /// `hotline-lab faults check`: what must hold once the cluster is quiet again.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Check with SQL that every accepted ticket exists once, was dispatched once, has its deadlines, and was scored."
        )

        @Option(help: "File of accepted ticket ids (from hotline-lab load).") var acceptedFile: String
        @Option(help: "Seconds to wait for the pipeline to finish with them.") var wait = 120.0

        func run() async throws {
            let violations = try await FaultSuiteCheck(acceptedFile: URL(fileURLWithPath: acceptedFile), wait: wait)
                .run(settings: HotlineSettings())
            if !violations.isEmpty { throw ExitCode.failure }
        }
    }
}
