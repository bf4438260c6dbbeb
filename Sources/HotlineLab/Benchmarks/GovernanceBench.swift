import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineSimulation
import HotlineStorage

/// The governance detectors on two simulated years of the city with a known truth: early
/// warnings against injected surges (and the leaf × township ones' false alarms), recurring problems against injected ones, the false alarms
/// of both on the same years without injections, and the annual screening against the injected
/// hot problems. Pure computation: no database, no cluster.
package struct GovernanceBench: Sendable {
    /// Requests on an ordinary day, one run per value (Beijing: about 30,000).
    package var perDay: [Double]
    package var seed: UInt64

    package init(perDay: [Double], seed: UInt64) {
        self.perDay = perDay
        self.seed = seed
    }

    /// Generates, detects, scores, and prints.
    package func run(settings: HotlineSettings) throws {
        let reference = try ReferenceData(schemaDirectory: settings.schemaDirectory)
        let warningPolicy = try EarlyWarningPolicy(
            csv: CSVTable(policy: "early_warning.csv", in: settings.schemaDirectory))
        let recurrencePolicy = try RecurrencePolicy(
            csv: CSVTable(policy: "recurrence.csv", in: settings.schemaDirectory))
        let city = CityYears(reference: reference)
        let days = 2 * CityYears.yearDays
        let injections = city.injections(seed: seed, days: days, counts: CityYears.InjectionCounts())
        print(
            "two simulated years (\(days) days); in the second: \(injections.surges.count) surges (2× one category in one district for a week), "
                + "\(injections.recurrences.filter { !$0.seasonal }.count) recurring and "
                + "\(injections.recurrences.filter(\.seasonal).count) seasonal problems (about 3 requests a week in one township), "
                + "\(injections.hotProblems.filter { $0.districtCode == nil }.count) widespread and "
                + "\(injections.hotProblems.filter { $0.districtCode != nil }.count) local hot problems")
        for scale in perDay {
            print(String(format: "— %.0f requests on an ordinary day —", scale))
            try measure(
                city: city, scale: scale, days: days, injections: injections, reference: reference,
                warnings: EarlyWarningDetector(policy: warningPolicy),
                recurrences: RecurrenceDetector(policy: recurrencePolicy))
        }
    }

    private func measure(
        city: CityYears, scale: Double, days: Int, injections: CityYears.Injections, reference: ReferenceData,
        warnings: EarlyWarningDetector, recurrences: RecurrenceDetector
    ) throws {
        var start = ContinuousClock.now
        let injected = city.counts(seed: seed, days: days, perDay: scale, injections: injections)
        let plain = city.counts(seed: seed, days: days, perDay: scale, injections: CityYears.Injections())
        print(
            String(
                format: "generated %.2f M requests with injections and %.2f M without in %.1f s",
                Double(injected.total) / 1e6, Double(plain.total) / 1e6, (ContinuousClock.now - start).seconds))

        start = ContinuousClock.now
        let firstDay = CityYears.yearDays
        let warned = GovernanceEvaluation.earlyWarnings(
            injected, surges: injections.surges, detector: warnings, from: firstDay)
        let calm = GovernanceEvaluation.earlyWarnings(plain, surges: [], detector: warnings, from: firstDay)
        print(
            "early warnings (\(warned.series) category × district series, daily, second year): "
                + "recall \(fixed(warned.recall)) (\(warned.detected) of \(warned.surges) surges warned of while they lasted, "
                + "median \(median(warned.delays)) days in), precision \(fixed(warned.precision)) "
                + "(\(warned.matched) of \(warned.warnings) warnings); without injections "
                + "\(fixed(calm.perDistrictMonth)) warnings per district per month (target ≤ 1); "
                + "\(fixed((ContinuousClock.now - start).seconds, places: 1)) s")

        start = ContinuousClock.now
        let townshipDetector = EarlyWarningDetector(policy: warnings.policy.forTownships)
        let townships = GovernanceEvaluation.townshipWarnings(
            injected, injections: injections, detector: townshipDetector, from: firstDay, seed: seed)
        let calmTownships = GovernanceEvaluation.townshipWarnings(
            plain, injections: CityYears.Injections(), detector: townshipDetector, from: firstDay, seed: seed)
        print(
            "early warnings, leaf × township where volume allows (second year): without injections "
                + "\(calmTownships.tested) series could reach the minimum count, "
                + "\(calmTownships.warnings) warnings, \(fixed(calmTownships.perDistrictMonth)) per district per month; "
                + "with them \(townships.tested) series, \(townships.warnings) warnings: \(townships.inSurges) "
                + "inside a surge of their category and district, \(townships.inRecurrences) on a problem put in "
                + "recurring in their township; "
                + "\(fixed((ContinuousClock.now - start).seconds, places: 1)) s")

        start = ContinuousClock.now
        let weeks = (CityYears.yearDays / 7)..<(days / 7)
        let found = GovernanceEvaluation.recurrences(
            injected, recurrences: injections.recurrences, detector: recurrences, weeks: weeks)
        let quiet = GovernanceEvaluation.recurrences(plain, recurrences: [], detector: recurrences, weeks: weeks)
        print(
            "recurring problems (\(injected.leaves.count) leaves × \(injected.townships.count) townships, weekly, second year): "
                + "persistent found \(found.persistentFound) of \(found.persistent) "
                + "(median \(median(found.persistentDelays)) weeks in), seasonal proposed ahead \(found.seasonalAhead) of "
                + "\(found.seasonal) (median \(median(found.seasonalLeads)) weeks' notice), precision "
                + "\(fixed(found.precision)) (\(found.truePlaces) of \(found.flaggedPlaces) places); without injections "
                + "\(fixed(quiet.falsePerDistrictMonth)) places per district per month; "
                + "\(fixed((ContinuousClock.now - start).seconds, places: 1)) s")

        let screening = AnnualScreening()
        let ranked = screening.rank(injected.lastYearTallies(), previousYear: injected.firstYearTotals)
        let widespread = Set(injections.hotProblems.filter { $0.districtCode == nil }.map(\.leafCode))
        let local = Set(injections.hotProblems.filter { $0.districtCode != nil }.map(\.leafCode))
        let top = ranked.prefix(widespread.count)
        print(
            "annual screening of the second year: the \(widespread.count) widespread hot problems hold \(top.count { widespread.contains($0.leafCode) }) of the top \(widespread.count) places; "
                + "the local ones (as frequent, one district) rank \(ranked.filter { local.contains($0.leafCode) }.map { String($0.rank) }.joined(separator: ", "))"
        )
        for problem in ranked.prefix(10) {
            let mark = widespread.contains(problem.leafCode) ? "★" : local.contains(problem.leafCode) ? "☆" : " "
            let name = reference.catalog[problem.leafCode]?.name ?? ""
            print(
                "  \(problem.rank) \(mark) \(problem.leafCode) \(name): \(problem.count) requests, "
                    + "\(problem.activeMonths) months, \(problem.districts) districts, \(problem.townships) townships, "
                    + "score \(fixed(problem.score, places: 3))")
        }
    }

    private func fixed(_ value: Double, places: Int = 2) -> String {
        String(format: "%.\(places)f", value)
    }

    private func median(_ values: [Int]) -> String {
        guard !values.isEmpty else { return "–" }
        return String(values.sorted()[values.count / 2])
    }
}
