import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineServices
import HotlineSimulation
import HotlineStorage
import Logging
import PostgresNIO

/// A calendar month (or its first days) of the synthetic city, driven through the running cluster's
/// public API on the shared simulated clock, then the month's results. Deterministic for a seed:
/// the same seed gives the same tickets, the same handling and the same monthly ranking.
package struct CitySimulationRun: Sendable {
    /// The first day of the calendar month to simulate; the current month (in the city's time
    /// zone) when nil.
    package var month: CalendarDay?
    /// Simulate only the first `days` days of the month; the whole month when nil.
    package var days: Int?
    /// Requests on an ordinary day, city-wide.
    package var ratePerDay: Int
    /// Beijing's own: about 11 million requests a year, 920,000 in a month.
    package static let beijingRequestsPerDay = 30_000
    /// Real minutes the simulated period should take.
    package var minutes: Double
    /// Seed of the synthetic city.
    package var seed: UInt64
    /// Where the month's HTML report is written.
    package var reportDirectory: URL
    /// Print the month's summary only, no progress.
    package var quiet: Bool

    /// A run of `month` with every choice spelled out.
    package init(
        month: CalendarDay?, days: Int?, ratePerDay: Int, minutes: Double, seed: UInt64, reportDirectory: URL,
        quiet: Bool
    ) {
        self.month = month
        self.days = days
        self.ratePerDay = ratePerDay
        self.minutes = minutes
        self.seed = seed
        self.reportDirectory = reportDirectory
        self.quiet = quiet
    }

    /// Runs the city against the cluster `settings` describe (its services must run with
    /// `HOTLINE_CLOCK=shared`), leaves the clock at real speed where the simulation ended, and
    /// prints the month's summary.
    package func run(settings: HotlineSettings) async throws {
        let zone = settings.timeZone
        let reference = try ReferenceData(schemaDirectory: settings.schemaDirectory)
        let month = month ?? CalendarDay(Date(), in: zone).firstOfMonth
        let start = month.start(in: zone)
        let monthDays = Int((month.nextMonth.start(in: zone).timeIntervalSince(start) / 86_400).rounded())
        let period = min(days ?? monthDays, monthDays)
        let tickets = CityModel(reference: reference, timeZone: zone).tickets(
            seed: seed, start: start, days: period, perDay: ratePerDay)
        let speed = Double(period) * 86_400 / (minutes * 60)
        let logger = Observability.logger(for: "hotline-lab", level: .error)
        try await ClusterReadiness.wait(for: settings)
        try await settings.database.withRunningClient(logger: logger) { database in
            let clock = try await SimulationClock.start(at: start, speed: speed, database: database, logger: logger)
            let city = CitySimulation(
                client: CityClient(gatewayOf: settings), clock: clock,
                tokens: UnitTokens(database: database, logger: logger),
                planner: SLAPlanner(policy: reference.timeLimits), seed: seed,
                townships: Dictionary(
                    grouping: reference.divisions.filter { $0.tier == .township }, by: { $0.parentCode ?? "" }
                ).mapValues { $0.map(\.code) },
                communities: Dictionary(grouping: reference.communities, by: \.townshipCode).mapValues {
                    $0.map(\.code)
                })
            if !quiet {
                print(
                    "simulating \(period) days from \(month.isoDescription): \(tickets.count) requests, \(String(format: "%.0f", speed))× real time"
                )
            }
            try await city.run(tickets, until: start.addingTimeInterval(Double(period) * 86_400), progress: !quiet)
            try await clock.set(simulated: nil, speed: 1)
            try await SimulationSummary.print(
                month: month, zone: zone, reportDirectory: reportDirectory, database: database, logger: logger)
        }
    }
}
