import ArgumentParser
import Foundation
import HotlineLab
import HotlineRuntime

/// `hotline-lab simulate`: a month (or N days) of the synthetic city, driven through the running
/// cluster's public API on the shared simulated clock, then the month's results.
struct Simulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Simulate the city through the gateway's API on the shared simulated clock (services must run with HOTLINE_CLOCK=shared).",
        discussion:
            "Deterministic for a seed: the same seed gives the same tickets, the same handling and the same monthly ranking."
    )

    @Option(help: "The calendar month to simulate, YYYY-MM (default: the current one).") var month: MonthArgument?
    @Option(help: "Simulate only the first N days of the month.") var days: Int?
    /// Requests on an ordinary day, city-wide, when neither `--rate` nor `--scale` is given.
    static let defaultRate = 240

    @Option(help: "Requests on an ordinary day, city-wide (default \(Simulate.defaultRate)).") var rate: Int?
    @Option(
        help:
            "The city's volume as a share of Beijing's: 1 is about 30,000 requests on an ordinary day, 920,000 in a month (instead of --rate)."
    )
    var scale: Double?
    @Option(help: "Real minutes the simulated period should take.") var minutes = 8.0
    @Option(help: "Seed of the synthetic city.") var seed: UInt64 = 12345
    @Option(help: "Where to write the HTML report.") var reportDirectory = ".local/reports"
    @Flag(help: "Print the month's summary only, no progress bar.") var quiet = false

    func validate() throws {
        if rate != nil && scale != nil { throw ValidationError("give --rate or --scale, not both") }
        if let scale, !(scale > 0) { throw ValidationError("--scale must be above 0") }
        if let rate, rate <= 0 { throw ValidationError("--rate must be above 0") }
    }

    func run() async throws {
        let ratePerDay =
            scale.map { Int(($0 * Double(CitySimulationRun.beijingRequestsPerDay)).rounded()) } ?? rate
            ?? Self.defaultRate
        try await CitySimulationRun(
            month: month?.day, days: days, ratePerDay: ratePerDay, minutes: minutes, seed: seed,
            reportDirectory: URL(fileURLWithPath: reportDirectory), quiet: quiet
        ).run(settings: HotlineSettings())
    }
}
