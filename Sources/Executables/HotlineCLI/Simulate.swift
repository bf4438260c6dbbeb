import ArgumentParser
import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineServices
import HotlineSimulation
import HotlineStorage
import Logging
import PostgresNIO

/// `hotline simulate`: a month (or N days) of the synthetic city, driven through the running
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
    @Option(help: "Requests on an ordinary day, city-wide.") var rate = 240
    @Option(help: "Real minutes the simulated period should take.") var minutes = 8.0
    @Option(help: "Seed of the synthetic city.") var seed: UInt64 = 12345
    @Option(help: "Where to write the HTML report.") var reportDirectory = ".local/reports"
    @Flag(help: "Print the month's summary only, no progress bar.") var quiet = false

    func run() async throws {
        let settings = HotlineSettings()
        let zone = settings.timeZone
        let reference = try ReferenceData(schemaDirectory: settings.schemaDirectory)
        let monthStart = month?.day ?? CalendarDay(Date(), in: zone).firstOfMonth
        let start = monthStart.start(in: zone)
        let monthDays = Int((monthStart.nextMonth.start(in: zone).timeIntervalSince(start) / 86_400).rounded())
        let period = min(days ?? monthDays, monthDays)
        let tickets = CityModel(reference: reference, timeZone: zone).tickets(
            seed: seed, start: start, days: period, perDay: rate)
        let speed = Double(period) * 86_400 / (minutes * 60)
        let logger = Observability.logger(for: "hotline", level: .error)
        try await settings.database.withRunningClient(logger: logger) { database in
            let clock = try await SimulationClock.start(at: start, speed: speed, database: database, logger: logger)
            let city = CitySimulation(
                client: CityClient(base: settings.localURL(of: .intakeGateway, path: "")), clock: clock,
                tokens: UnitTokens(database: database, logger: logger),
                planner: SLAPlanner(policy: reference.timeLimits), seed: seed,
                townships: Dictionary(
                    grouping: reference.divisions.filter { $0.tier == .township }, by: { $0.parentCode ?? "" }
                ).mapValues { $0.map(\.code) })
            if !quiet {
                print(
                    "simulating \(period) days from \(monthStart.isoDescription): \(tickets.count) requests, \(String(format: "%.0f", speed))× real time"
                )
            }
            try await city.run(tickets, until: start.addingTimeInterval(Double(period) * 86_400), progress: !quiet)
            let end = clock.now()
            try await database.withConnection {
                try await SharedClock.set(simulated: end, speed: 1, on: $0, logger: logger)
            }
            try await SimulationSummary.print(
                month: monthStart, zone: zone, reportDirectory: URL(fileURLWithPath: reportDirectory),
                settings: settings,
                database: database, logger: logger)
        }
    }
}
