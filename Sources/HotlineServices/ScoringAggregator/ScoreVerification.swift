public import Foundation
public import HotlineDomain
import HotlineStorage
public import Logging
public import PostgresNIO

/// Compares the scoring aggregator's figures for a month with those recomputed from the ticket
/// tables, and the stored ranking with one recomputed from those figures.
public enum ScoreVerification {
    /// Every difference, in words; empty when everything matches.
    public static func differences(
        month: CalendarDay, timeZone: TimeZone, on connection: PostgresConnection, logger: Logger
    ) async throws -> [String] {
        let reference = try await ReferenceStore.load(on: connection, logger: logger)
        let aggregated = try await AssessmentStore.figures(month: month, on: connection, logger: logger)
        let recomputed = try await MonthlyAssessment.recompute(
            month: month, timeZone: timeZone, reference: reference, on: connection, logger: logger)
        var differences: [String] = []
        for (label, kept, truth) in [
            ("unit", aggregated.units, recomputed.units), ("district", aggregated.districts, recomputed.districts),
        ] {
            for code in Set(kept.keys).union(truth.keys).sorted() where kept[code] != truth[code] {
                differences.append(
                    "\(label) \(code): aggregator \(describe(kept[code])), ticket tables \(describe(truth[code]))")
            }
        }
        let stored = try await AssessmentStore.snapshot(month: month, on: connection, logger: logger)
        if !stored.isEmpty {
            let expected = try await MonthlyAssessment.assess(
                month: month, figures: recomputed, reference: reference, on: connection, logger: logger)
            let byCode = Dictionary(uniqueKeysWithValues: stored.map { ($0.unitCode, $0) })
            for result in expected {
                guard let kept = byCode[result.unitCode] else {
                    differences.append("ranking: \(result.unitCode) missing from the stored month")
                    continue
                }
                if kept.rank != result.rank || kept.score != result.score
                    || kept.assessmentClass != result.assessmentClass
                {
                    differences.append(
                        "ranking \(result.unitCode): stored rank \(kept.rank.map(String.init) ?? "-") score \(kept.score.map { "\($0)" } ?? "-") class \(kept.assessmentClass?.rawValue ?? "-"), recomputed rank \(result.rank.map(String.init) ?? "-") score \(result.score.map { "\($0)" } ?? "-") class \(result.assessmentClass?.rawValue ?? "-")"
                    )
                }
            }
        }
        return differences
    }

    private static func describe(_ figures: UnitFigures?) -> String {
        guard let figures else { return "nothing" }
        return
            "dispatched \(figures.dispatched) signed-in-time \(figures.signedInTime) resolved \(figures.resolved) visited \(figures.visited) solved \(figures.solved) satisfied \(figures.satisfied) sent-back \(figures.sentBack) reopened \(figures.reopened) overdue \(figures.overdue) excluded \(figures.excluded)"
    }
}
