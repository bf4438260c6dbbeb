import ArgumentParser
import Foundation
import HotlineRuntime

/// `hotline config`: the environment variables the platform reads, with defaults and meanings.
struct Config: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the environment variables the services read, with their local defaults.")

    @Flag(help: "Print only the names, one per line.") var names = false
    @Flag(help: "Print name, default and meaning separated by tabs, for scripts.") var tsv = false

    func run() async throws {
        for variable in HotlineVariable.allCases {
            if names {
                print(variable.name)
            } else if tsv {
                print([variable.name, variable.defaultValue, variable.meaning].joined(separator: "\t"))
            } else {
                let shown = variable.defaultValue.isEmpty ? "(empty)" : variable.defaultValue
                print(
                    "\(variable.name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(shown.padding(toLength: 20, withPad: " ", startingAt: 0)) \(variable.meaning)"
                )
            }
        }
    }
}
