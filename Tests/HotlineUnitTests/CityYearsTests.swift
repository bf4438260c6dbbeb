import HotlineDomain
import HotlineSimulation
import Testing

@Suite("Simulated years and the governance detectors")
struct CityYearsTests {
    let city = CityYears(reference: ReferenceFixtures.reference)
    static let days = 2 * CityYears.yearDays

    @Test("the same seed gives the same counts; heating complaints peak in November; weekends are quieter")
    func shape() throws {
        let counts = city.counts(seed: 3, days: Self.days, perDay: 2_000, injections: .init())
        let again = city.counts(seed: 3, days: Self.days, perDay: 2_000, injections: .init())
        #expect(counts.total == again.total)
        #expect((Double(counts.total) / Double(Self.days) - 2_000).magnitude < 200)
        let utilities = try #require(counts.categories.firstIndex(of: "UTL"))
        let daily = counts.districts.indices.map { counts.daily(category: utilities, district: $0) }
        func sum(_ days: Range<Int>) -> Int {
            daily.map { series in days.map { Int(series[series.startIndex + $0]) }.reduce(0, +) }.reduce(0, +)
        }
        #expect(sum(310..<331) > 2 * sum(120..<141), "November against May")
        let weekdays = (0..<Self.days).filter { $0 % 7 < 5 }
        let weekend = (0..<Self.days).filter { $0 % 7 >= 5 }
        let all = counts.categories.indices.flatMap { category in
            counts.districts.indices.map { counts.daily(category: category, district: $0) }
        }
        func mean(_ days: [Int]) -> Double {
            Double(all.map { series in days.map { Int(series[series.startIndex + $0]) }.reduce(0, +) }.reduce(0, +))
                / Double(days.count)
        }
        #expect(mean(weekend) < mean(weekdays) * 0.8)
    }

    @Test("injections are where they were put: a surge doubles its series, a recurrence fills its township's weeks")
    func injected() throws {
        let surge = CityYears.Surge(categoryCode: "MKT", districtCode: "110105", firstDay: 500, days: 7, factor: 2)
        let leaf = try #require(ReferenceFixtures.reference.catalog.leaves.first { $0.code.hasPrefix("ENV") })
        let township = try #require(
            ReferenceFixtures.reference.divisions.first { $0.tier == .township && $0.parentCode == "110108" })
        let recurrence = CityYears.Recurrence(
            leafCode: leaf.code, districtCode: "110108", townshipCode: township.code, firstWeek: 80, weeks: 8,
            perWeek: 20, seasonal: false)
        let counts = city.counts(
            seed: 4, days: Self.days, perDay: 2_000,
            injections: .init(surges: [surge], recurrences: [recurrence]))
        let series = counts.daily(
            category: try #require(counts.categories.firstIndex(of: "MKT")),
            district: try #require(counts.districts.firstIndex(of: "110105")))
        let during = (500..<507).map { Int(series[series.startIndex + $0]) }.reduce(0, +)
        let before = (493..<500).map { Int(series[series.startIndex + $0]) }.reduce(0, +)
        #expect(Double(during) > 1.6 * Double(before))
        let weekly = counts.weekly(
            leaf: try #require(counts.leaves.firstIndex(of: leaf.code)),
            township: try #require(counts.townships.firstIndex(of: township.code)))
        let recurring: Int = (80..<88).map { week in Int(weekly[weekly.startIndex + week]) }.reduce(0, +)
        #expect(recurring > 100)
    }

    @Test(
        "early warnings find surges in busy series, and raise at most one false alarm per district per month without them"
    )
    func warnings() {
        let surges = [("MKT", "110105", 420), ("HOU", "110108", 480), ("EDU", "110102", 540), ("MKT", "110106", 600)]
            .map {
                CityYears.Surge(categoryCode: $0.0, districtCode: $0.1, firstDay: $0.2, days: 7, factor: 2)
            }
        let detector = EarlyWarningDetector(policy: EarlyWarningPolicy())
        let injected = city.counts(seed: 5, days: Self.days, perDay: 4_000, injections: .init(surges: surges))
        let score = GovernanceEvaluation.earlyWarnings(injected, surges: surges, detector: detector, from: 364)
        #expect(score.detected == surges.count)
        #expect(score.delays.allSatisfy { $0 < 7 })
        let plain = city.counts(seed: 5, days: Self.days, perDay: 4_000, injections: .init())
        let calm = GovernanceEvaluation.earlyWarnings(plain, surges: [], detector: detector, from: 364)
        #expect(calm.perDistrictMonth <= 1)
    }

    @Test(
        "a problem that jumps in one township is warned of at leaf × township, where volume allows; without it nothing is"
    )
    func townshipWarnings() throws {
        let reference = ReferenceFixtures.reference
        let township = reference.divisions.filter { $0.tier == .township }[5]
        let leaf = reference.catalog.leaves[10].code
        // Four a week for a year, then twenty a week for two weeks in the second year.
        let steady = CityYears.Recurrence(
            leafCode: leaf, districtCode: township.parentCode!, townshipCode: township.code, firstWeek: 30,
            weeks: 60, perWeek: 4, seasonal: false)
        let jump = CityYears.Recurrence(
            leafCode: leaf, districtCode: township.parentCode!, townshipCode: township.code, firstWeek: 80,
            weeks: 2, perWeek: 16, seasonal: false)
        let detector = EarlyWarningDetector(policy: EarlyWarningPolicy().forTownships)
        let injections = CityYears.Injections(recurrences: [steady, jump])
        let counts = city.counts(seed: 7, days: Self.days, perDay: 500, injections: injections)
        let score = GovernanceEvaluation.townshipWarnings(
            counts, injections: injections, detector: detector, from: CityYears.yearDays, seed: 7)
        #expect(score.tested >= 1)
        #expect(score.inRecurrences >= 1, "the jump is warned of")
        let plain = city.counts(seed: 7, days: Self.days, perDay: 500, injections: .init())
        let calm = GovernanceEvaluation.townshipWarnings(
            plain, injections: .init(), detector: detector, from: CityYears.yearDays, seed: 7)
        #expect(calm.warnings == 0 && calm.tested < score.tested)
    }

    @Test("recurring problems are found in their township, seasonal ones ahead of their season")
    func recurrences() throws {
        let reference = ReferenceFixtures.reference
        let townships = reference.divisions.filter { $0.tier == .township }
        let leaves = reference.catalog.leaves
        let persistent = CityYears.Recurrence(
            leafCode: leaves[10].code, districtCode: townships[5].parentCode!, townshipCode: townships[5].code,
            firstWeek: 70, weeks: 10, perWeek: 3, seasonal: false)
        let seasonal = CityYears.Recurrence(
            leafCode: leaves[200].code, districtCode: townships[40].parentCode!, townshipCode: townships[40].code,
            firstWeek: 24, weeks: 7, perWeek: 3, seasonal: true)
        let counts = city.counts(
            seed: 6, days: Self.days, perDay: 2_000, injections: .init(recurrences: [persistent, seasonal]))
        let score = GovernanceEvaluation.recurrences(
            counts, recurrences: [persistent, seasonal], detector: RecurrenceDetector(policy: RecurrencePolicy()),
            weeks: 70..<82)
        #expect(score.persistentFound == 1)
        #expect(score.seasonalAhead == 1)
        #expect(score.seasonalLeads.allSatisfy { $0 >= 1 })
        #expect(score.truePlaces == 2)
    }

    @Test(
        "the annual screening of a simulated year puts the widespread hot problems first, above as frequent local ones")
    func screening() {
        let injections = city.injections(
            seed: 9, days: Self.days,
            counts: .init(
                surges: 0, recurrences: 0, seasonalRecurrences: 0, widespreadHotProblems: 4, localHotProblems: 4))
        let widespread = Set(injections.hotProblems.filter { $0.districtCode == nil }.map(\.leafCode))
        let local = Set(injections.hotProblems.filter { $0.districtCode != nil }.map(\.leafCode))
        #expect(widespread.count == 4)
        #expect(!local.isEmpty)
        let counts = city.counts(seed: 9, days: Self.days, perDay: 2_000, injections: injections)
        let ranked = AnnualScreening().rank(counts.lastYearTallies(), previousYear: counts.firstYearTotals)
        #expect(Set(ranked.prefix(4).map(\.leafCode)) == widespread)
        let worstWidespread = ranked.filter { widespread.contains($0.leafCode) }.map(\.rank).max() ?? 0
        #expect(ranked.filter { local.contains($0.leafCode) }.allSatisfy { $0.rank > worstWidespread })
        let themes = AnnualScreening(policy: .init(problems: 6, themes: 3)).propose(
            ranked, catalog: ReferenceFixtures.reference.catalog)
        #expect(themes.count <= 3)
        #expect(themes.flatMap(\.problems).count <= 6)
        #expect(themes.allSatisfy { theme in theme.problems.allSatisfy { $0.leafCode.hasPrefix(theme.categoryCode) } })
    }
}
