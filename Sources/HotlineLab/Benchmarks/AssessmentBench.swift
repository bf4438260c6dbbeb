import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineServices
import HotlineStorage
import Logging
import PostgresNIO

/// The monthly assessment of every unit (343 townships, and every district, department and
/// enterprise) over a month of made-up facts, in the scratch database.
package struct AssessmentBench: Sendable {
    /// Tickets (assessment facts) in the month.
    package var tickets: Int

    /// A benchmark over `tickets` facts.
    package init(tickets: Int) {
        self.tickets = tickets
    }

    /// Fills the facts, times the assessment, and prints both.
    package func run(settings: HotlineSettings) async throws {
        let logger = Observability.logger(for: "hotline-lab", level: .error)
        let reference = try ReferenceData(schemaDirectory: settings.schemaDirectory)
        let tickets = tickets
        try await BenchDatabase.with(settings: settings, logger: logger) { client in
            try await client.transaction(logger: logger) {
                try await ReferenceStore.replace(with: reference, on: $0, logger: logger)
            }
            let fill = ContinuousClock.now
            try await AssessmentBenchFixtures.fillFacts(tickets, on: client, logger: logger)
            print(String(format: "filled %d facts in %.1f s", tickets, (ContinuousClock.now - fill).seconds))
            let start = ContinuousClock.now
            let results = try await client.transaction(logger: logger) { connection in
                try await MonthlyAssessment.computeAndStore(
                    month: AssessmentBenchFixtures.month, at: Date(), on: connection, logger: logger)
            }
            let elapsed = (ContinuousClock.now - start).seconds
            let townships = results.filter { $0.tier == .township }
            print(
                String(
                    format: "monthly assessment of %d units (%d townships ranked) over %d tickets: %.2f s",
                    results.count,
                    townships.filter { $0.rank != nil }.count, tickets, elapsed))
        }
    }
}
