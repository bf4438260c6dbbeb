import Foundation
import HotlineRuntime
import HotlineStorage
import Logging
import PostgresNIO

/// What must hold once the fault suite's cluster is quiet again: every accepted ticket exists
/// once, was dispatched once, has its deadlines and was scored, no timer fired twice, every
/// dispatch and every due checkpoint told its unit exactly once.
package struct FaultSuiteCheck: Sendable {
    /// The file of accepted ticket ids the load wrote.
    package var acceptedFile: URL
    /// Seconds to wait for the pipeline to finish with them.
    package var wait: Double

    /// A check of the tickets in `acceptedFile`, waiting up to `wait` seconds.
    package init(acceptedFile: URL, wait: Double) {
        self.acceptedFile = acceptedFile
        self.wait = wait
    }

    /// Checks until every rule holds or the wait is over; prints and returns the violations.
    package func run(settings: HotlineSettings) async throws -> [String] {
        let logger = Observability.logger(for: "hotline-faults", level: .error)
        let text = try String(contentsOf: acceptedFile, encoding: .utf8)
        let ids = text.split(separator: "\n").compactMap { UUID(uuidString: String($0)) }
        let violations = try await settings.database.withRunningClient(logger: logger) { database in
            let deadline = ContinuousClock.now + .seconds(wait)
            var found = try await Self.violations(of: ids, on: database, logger: logger)
            while !found.isEmpty && ContinuousClock.now < deadline {
                try await Task.sleep(for: .seconds(1))
                found = try await Self.violations(of: ids, on: database, logger: logger)
            }
            let items = try await database.session { try await InboxStore.countsByKind(on: $0, logger: logger) }
            print("inbox items: " + items.map { "\($0.count) \($0.kind)" }.joined(separator: ", "))
            return found
        }
        print("tickets accepted: \(ids.count)")
        for violation in violations { print("VIOLATION \(violation)") }
        print("violations: \(violations.count)")
        return violations
    }

    private static func violations(of ids: [UUID], on database: PostgresClient, logger: Logger) async throws -> [String]
    {
        try await FaultSuiteChecks.violations(
            of: ids, loadKeyPrefix: TicketLoad.faultSuiteKeyPrefix, scorer: HotlineServiceKind.scoringAggregator.name,
            on: database, logger: logger)
    }
}
