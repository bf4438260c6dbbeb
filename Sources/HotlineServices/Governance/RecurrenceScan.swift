public import Foundation
public import HotlineDomain
import HotlineStorage
public import Logging
public import PostgresNIO

/// Looks, once a week has ended, for problems that keep coming back in one township
/// (`RecurrenceDetector`, thresholds from `Schemas/policy/recurrence.csv`) over the ticket
/// tables: each catalog leaf in each township, week by week, against the rest of its district
/// the same week scaled by the township's usual share of the district. A finding is proposed to
/// the township as a proactive task (未诉先办): stored once per episode with its evidence and put
/// in the township's inbox. Runs with the week's scheduled report, in its transaction.
public struct RecurrenceScan: Sendable {
    let detector: RecurrenceDetector
    /// Weeks of history a scan reads: a year before the lookback, for the township's share and
    /// last year's season.
    var historyWeeks: Int { 52 + detector.policy.lookbackWeeks }

    public init(policy: RecurrencePolicy) {
        detector = RecurrenceDetector(policy: policy)
    }

    /// The problems proposed for the week that started on `week` and ended at `weekEnd`.
    public func scan(
        week: CalendarDay, endingAt weekEnd: Date, at now: Date, timeZone: TimeZone, on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [ProposedRecurrence] {
        guard let first = try await EarlyWarningStore.firstReceived(on: connection, logger: logger) else { return [] }
        // Only whole weeks since the first request count as history.
        let weeks = min(historyWeeks, Int((weekEnd.timeIntervalSince(first) / 604_800).rounded(.down)))
        let policy = detector.policy
        let current = weeks - 1
        // The township's usual share comes from the weeks before the lookback.
        let shareWeeks = max(0, current + 1 - policy.lookbackWeeks - 52)..<max(0, current + 1 - policy.lookbackWeeks)
        guard !shareWeeks.isEmpty else { return [] }
        let start = weekEnd.addingTimeInterval(-Double(weeks) * 604_800)
        func weekStart(_ index: Int) -> Date { start.addingTimeInterval(Double(index) * 604_800) }
        let seasonStart = current + policy.seasonLeadWeeks - 52
        let cells = try await RecurrenceStore.candidateCells(
            from: start, weeks: weeks,
            rule: RecurrenceStore.CandidateRule(
                minimumCount: policy.minimumWeeklyCount, minimumWeeks: policy.minimumUnusualWeeks,
                ranges: [
                    (current + 1 - policy.lookbackWeeks)..<(current + 1),
                    seasonStart..<(seasonStart + policy.seasonWeeks),
                ]),
            on: connection, logger: logger)
        guard !cells.isEmpty else { return [] }
        let districts = try await RecurrenceStore.districtWeekly(
            of: Set(
                cells.keys.map { RecurrenceStore.LeafInDistrict(leafCode: $0.leafCode, districtCode: $0.districtCode) }),
            from: start, weeks: weeks, on: connection, logger: logger)
        let shares = try await RecurrenceStore.townshipShares(
            from: weekStart(shareWeeks.lowerBound), to: weekStart(shareWeeks.upperBound), on: connection, logger: logger
        )
        var found: [(RecurrenceStore.Cell, RecurringProblem)] = []
        for (cell, series) in cells {
            let district = districts[
                RecurrenceStore.LeafInDistrict(leafCode: cell.leafCode, districtCode: cell.districtCode)]
            guard let district, let share = shares[cell.townshipCode] else { continue }
            let finding = detector.check(series, now: current) { judged in
                RecurrenceDetector.expected(
                    problemInRestOfDistrict: district[judged] - series[judged], placeShare: share)
            }
            if let finding { found.append((cell, finding)) }
        }
        guard !found.isEmpty else { return [] }
        let names = try await CatalogNames.of(found.map(\.0.leafCode), on: connection, logger: logger)
        let quietSince = CalendarDay(weekStart(current + 1 - policy.lookbackWeeks), in: timeZone).isoDescription
        var proposed: [ProposedRecurrence] = []
        for (cell, finding) in found.sorted(by: {
            ($0.0.townshipCode, $0.0.leafCode) < ($1.0.townshipCode, $1.0.leafCode)
        }) {
            let problem = ProposedRecurrence(
                id: UUID(), leafCode: cell.leafCode, leafName: names[cell.leafCode], townshipCode: cell.townshipCode,
                districtCode: cell.districtCode, weekStart: week.isoDescription, kind: finding.kind,
                unusualWeeks: finding.unusualWeeks.map { CalendarDay(weekStart($0), in: timeZone).isoDescription },
                requests: finding.requests, expected: finding.expected, proposedAt: now)
            guard try await RecurrenceStore.save(problem, quietSince: quietSince, on: connection, logger: logger) else {
                continue
            }
            try await InboxStore.add(
                [InboxNotice(unitCode: cell.townshipCode, kind: .recurringProblem, note: problem.note)],
                eventId: problem.id, ticketId: nil, at: now, on: connection, logger: logger)
            proposed.append(problem)
        }
        if !proposed.isEmpty {
            logger.info(
                "recurring problems proposed",
                metadata: ["week": "\(week.isoDescription)", "problems": "\(proposed.count)"])
        }
        return proposed
    }
}
