import ArgumentParser
import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineServices
import HotlineStorage
import Logging
import PostgresNIO

/// A month given as `YYYY-MM`.
struct MonthArgument: ExpressibleByArgument {
    let day: CalendarDay

    init?(argument: String) {
        let parts = argument.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, (1...12).contains(parts[1]) else { return nil }
        day = CalendarDay(year: parts[0], month: parts[1], day: 1)
    }
}

/// `hotline assess --month YYYY-MM`: computes the month's assessment from the aggregator's
/// facts and stores it as the month's snapshot.
struct Assess: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute and store the monthly assessment (三率四类) of every unit.")

    @Option(help: "The month, YYYY-MM.") var month: MonthArgument

    func run() async throws {
        let month = month.day
        let results = try await withAdminTransaction { connection, logger in
            try await MonthlyAssessment.computeAndStore(month: month, at: Date(), on: connection, logger: logger)
        }
        let townships = results.filter { $0.tier == .township }
        print(
            "\(month.isoDescription.prefix(7)): \(results.count) units assessed, \(townships.filter { $0.rank != nil }.count) of \(townships.count) townships ranked"
        )
    }
}

/// `hotline verify-scores --month YYYY-MM`: recomputes the month from the ticket tables alone
/// and compares every figure with the aggregator's (and the stored ranking, when there is one).
struct VerifyScores: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-scores",
        abstract:
            "Recompute a month from the ticket tables and compare with the scoring aggregator; exit 1 on any difference."
    )

    @Option(help: "The month, YYYY-MM.") var month: MonthArgument
    @Option(
        help:
            "Seconds to keep comparing while the aggregator catches up with events still in flight (a running clock keeps firing timers); 0 compares once."
    )
    var wait: Double = 0

    func run() async throws {
        let month = month.day
        let timeZone = HotlineSettings().timeZone
        let deadline = ContinuousClock.now + .seconds(max(wait, 0))
        let (first, differences, comparisons) = try await withAdminConnection { connection, logger in
            let first = try await ScoreVerification.differences(
                month: month, timeZone: timeZone, on: connection, logger: logger)
            var found = first
            var comparisons = 1
            while !found.isEmpty && ContinuousClock.now < deadline {
                try await Task.sleep(for: .seconds(2))
                found = try await ScoreVerification.differences(
                    month: month, timeZone: timeZone, on: connection, logger: logger)
                comparisons += 1
            }
            return (first, found, comparisons)
        }
        if differences.isEmpty && !first.isEmpty {
            print("agreed after \(comparisons) comparisons; the first found \(first.count) differences, such as:")
            for difference in first.prefix(5) { print("  \(difference)") }
        }
        for difference in differences.prefix(50) { print(difference) }
        guard differences.isEmpty else {
            print("\(differences.count) differences")
            throw ExitCode(1)
        }
        print("scores for \(month.isoDescription.prefix(7)) verified: the aggregator matches the ticket tables")
    }
}
