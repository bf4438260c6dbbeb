import Foundation
import HotlineDomain
import Testing

@Suite("Count tails")
struct CountTailsTests {
    static func binomialSum(_ k: Int, _ n: Int, _ p: Double) -> Double {
        var total = 0.0
        var coefficient = 1.0
        for index in 0...n {
            if index > 0 { coefficient *= Double(n - index + 1) / Double(index) }
            if index >= k { total += coefficient * pow(p, Double(index)) * pow(1 - p, Double(n - index)) }
        }
        return total
    }

    @Test("the binomial tail agrees with the sum of its terms, at every k and at the edges")
    func binomial() {
        for k in 0...21 {
            let exact = Self.binomialSum(k, 20, 0.3)
            #expect(abs(CountTails.binomialAtLeast(k, trials: 20, probability: 0.3) - exact) < 1e-12, "k = \(k)")
        }
        #expect(CountTails.binomialAtLeast(0, trials: 5, probability: 0.5) == 1)
        #expect(CountTails.binomialAtLeast(6, trials: 5, probability: 0.5) == 0)
        let far = CountTails.binomialAtLeast(5_000, trials: 10_000, probability: 0.1)
        #expect(far > 0 && far < 1e-300 || far == 0, "a tail far beyond the mean is tiny, never negative")
    }

    @Test("the Poisson tail agrees with the sum of its terms, and the upper quantile is the first count past it")
    func poisson() {
        var term = exp(-3.5)
        var below = 0.0
        for k in 0...20 {
            #expect(abs(CountTails.poissonAtLeast(k, mean: 3.5) - (1 - below)) < 1e-12, "k = \(k)")
            below += term
            term *= 3.5 / Double(k + 1)
        }
        let limit = CountTails.poissonUpperQuantile(mean: 3.5, exceedance: 0.05)
        #expect(CountTails.poissonAtLeast(limit + 1, mean: 3.5) <= 0.05)
        #expect(CountTails.poissonAtLeast(limit, mean: 3.5) > 0.05)
        #expect(CountTails.poissonUpperQuantile(mean: 0, exceedance: 0.05) == 0)
        #expect(abs(CountTails.poissonAtLeast(1_100, mean: 1_000) - 0.00093) < 0.0002, "a large mean uses the fraction")
    }
}

@Suite("Early warnings")
struct EarlyWarningTests {
    let detector = EarlyWarningDetector(policy: EarlyWarningPolicy())

    /// Two years of a steady 40 requests a day (rounded noise-free), the weekly cycle included.
    static func steady(days: Int = 728) -> [Int] { (0..<days).map { $0 % 7 >= 5 ? 30 : 44 } }

    @Test(
        "a week at twice the usual count in the second year raises one warning, during the week, on the seasonal baseline"
    )
    func surge() throws {
        var series = Self.steady()
        for day in 500..<507 { series[day] *= 2 }
        let warnings = detector.scan(series, from: 364)
        let warning = try #require(warnings.first)
        #expect(warnings.count == 1)
        #expect((500..<507).contains(warning.day))
        #expect(warning.baseline == .seasonal)
        #expect(warning.ratio > 1.3)
        #expect(warning.probability < EarlyWarningPolicy().falseAlarmProbability)
    }

    @Test("a steady series raises nothing, and neither does a season that came last year too")
    func noWarning() {
        #expect(detector.scan(Self.steady(), from: 364).isEmpty)
        var seasonal = Self.steady()
        for day in seasonal.indices where (300..<340).contains(day % 364) { seasonal[day] *= 2 }
        #expect(detector.scan(seasonal, from: 364).isEmpty, "the same weeks a year earlier explain it")
        #expect(!detector.scan(seasonal, from: 0).isEmpty, "in the first year the trailing weeks do not")
        #expect(detector.scan(seasonal, from: 0).allSatisfy { $0.day < 364 && $0.baseline == .trailing })
    }

    @Test("a series too small for the minimum count raises nothing, however sharp its rise")
    func small() {
        var series = [Int](repeating: 0, count: 728)
        for day in 600..<605 { series[day] = 1 }
        #expect(detector.scan(series, from: 364).isEmpty)
    }

    @Test("a series shorter than a window, or empty, raises nothing (a young installation's first days)")
    func shorterThanAWindow() {
        for length in 0..<detector.policy.windowDays {
            let series = [Int](repeating: 50, count: length)
            #expect(detector.scan(series).isEmpty)
            #expect(detector.warningOnLastDay(series) == nil)
        }
    }

    @Test(
        "one warning while a surge lasts; a second surge after quiet days raises another; the first's weeks leave the baseline"
    )
    func episodes() {
        var series = Self.steady()
        for day in 400..<430 { series[day] *= 2 }
        for day in 470..<477 { series[day] *= 2 }
        let warnings = detector.scan(series, from: 364)
        #expect(warnings.count == 2)
        #expect(warnings.first.map { (400..<407).contains($0.day) } == true)
        #expect(warnings.last.map { (470..<477).contains($0.day) } == true)
    }

    @Test("too short a history gives no test at all")
    func shortHistory() {
        var series = [Int](repeating: 40, count: 30)
        series[29] = 400
        #expect(detector.scan(series).isEmpty)
        #expect(detector.referenceEnds(for: 29) == nil)
    }

    @Test("the policy reads its CSV, keeps defaults for keys left out, and refuses unknown keys and bad values")
    func policy() throws {
        let read = try EarlyWarningPolicy(
            csv: CSVTable(parsing: "key,value\nwindow_days,14\nfalse_alarm_probability,0.001\n"))
        #expect(read.windowDays == 14)
        #expect(read.falseAlarmProbability == 0.001)
        #expect(read.minimumCount == EarlyWarningPolicy().minimumCount)
        #expect(throws: CSVError.self) { try EarlyWarningPolicy(csv: CSVTable(parsing: "key,value\nwindow,7\n")) }
        #expect(throws: CSVError.self) {
            try EarlyWarningPolicy(csv: CSVTable(parsing: "key,value\nfalse_alarm_probability,2\n"))
        }
        #expect(throws: CSVError.self) { try EarlyWarningPolicy(csv: CSVTable(parsing: "key,value\nwindow_days,0\n")) }
        #expect(throws: CSVError.self) { try EarlyWarningPolicy(csv: CSVTable(parsing: "key,value\nquiet_days,2.5\n")) }
    }
}

@Suite("Recurring problems")
struct RecurrenceDetectorTests {
    let detector = RecurrenceDetector(policy: RecurrencePolicy())

    @Test("a place with three requests in six of the last eight weeks, where one in ten weeks is usual, recurs")
    func persistent() throws {
        var counts = [Int](repeating: 0, count: 80)
        for week in [72, 73, 75, 76, 78, 79] { counts[week] = 3 }
        let finding = try #require(detector.check(counts, now: 79) { _ in 0.1 })
        #expect(finding.kind == .persistent)
        #expect(finding.unusualWeeks == [72, 73, 75, 76, 78, 79])
        #expect(finding.requests == 18)
        #expect(abs(finding.expected - 0.6) < 1e-9)
        #expect(detector.weeklyLimit(expected: 0.1) == 1)
    }

    @Test("weeks the rest of the district explains, or that cannot be judged, are not unusual")
    func explained() {
        var counts = [Int](repeating: 0, count: 80)
        for week in [72, 73, 75, 76, 78, 79] { counts[week] = 3 }
        #expect(
            detector.check(counts, now: 79) { week in week < 76 ? 3 : 0.1 } == nil,
            "a district-wide rise in weeks 72–75")
        #expect(detector.check(counts, now: 79) { week in week < 76 ? nil : 0.1 } == nil)
        #expect(detector.check(counts, now: 79) { week in week == 72 ? 3 : 0.1 }?.unusualWeeks == [73, 75, 76, 78, 79])
    }

    @Test("the same weeks are no recurrence where the problem is that common, nor in four weeks of eight")
    func notRecurring() {
        var counts = [Int](repeating: 0, count: 80)
        for week in [72, 73, 75, 76, 78, 79] { counts[week] = 3 }
        #expect(detector.check(counts, now: 79) { _ in 4 } == nil)
        var fewer = [Int](repeating: 0, count: 80)
        for week in [72, 75, 78, 79] { fewer[week] = 3 }
        #expect(detector.check(fewer, now: 79) { _ in 0.1 } == nil)
    }

    @Test("a problem of the same weeks last year is proposed ahead of its season, not after it")
    func seasonal() throws {
        var counts = [Int](repeating: 0, count: 104)
        for week in 44..<50 { counts[week] = 3 }
        let ahead = try #require(detector.check(counts, now: 93) { _ in 0.1 })
        #expect(ahead.kind == .seasonal)
        #expect(ahead.unusualWeeks.allSatisfy { (44..<50).contains($0) })
        #expect(detector.check(counts, now: 85) { _ in 0.1 } == nil, "too early: the season is weeks away")
        #expect(detector.check(counts, now: 103) { _ in 0.1 } == nil, "the season is past")
    }

    @Test(
        "a week's expectation is the rest of the district's requests scaled by the place's share; none for a lone place"
    )
    func expected() {
        #expect(
            RecurrenceDetector.expected(problemInRestOfDistrict: 19, placeShare: 0.05).map { abs($0 - 1) < 1e-9 }
                == true)
        #expect(RecurrenceDetector.expected(problemInRestOfDistrict: 0, placeShare: 0.2) == 0)
        #expect(RecurrenceDetector.expected(problemInRestOfDistrict: 5, placeShare: 1) == nil)
    }

    @Test("the policy refuses more unusual weeks than the weeks looked at, unknown keys and values out of range")
    func policy() throws {
        #expect(throws: CSVError.self) {
            try RecurrencePolicy(csv: CSVTable(parsing: "key,value\nlookback_weeks,4\nminimum_unusual_weeks,5\n"))
        }
        let read = try RecurrencePolicy(csv: CSVTable(parsing: "key,value\nweek_exceedance,0.01\n"))
        #expect(read.weekExceedance == 0.01)
        #expect(read.lookbackWeeks == 8)
        #expect(throws: CSVError.self) {
            try RecurrencePolicy(csv: CSVTable(parsing: "key,value\nlookback_weeks,60\n"))
        }
        #expect(throws: CSVError.self) { try RecurrencePolicy(csv: CSVTable(parsing: "key,value\nweeks,6\n")) }
        #expect(throws: CSVError.self) { try RecurrencePolicy(csv: CSVTable(parsing: "key,value\nseason_weeks,-1\n")) }
    }
}
