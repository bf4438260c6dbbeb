/// Finds problems that recur in one place (a catalog leaf in one township or community): in
/// `minimumUnusualWeeks` of the last `lookbackWeeks` weeks the place had more requests than the
/// rest of its district explains (persistent), or it had so in the coming weeks of last year's
/// season (seasonal, proposed ahead). Each week's expectation comes from the same week in the
/// rest of the district, so a season, a surge or a problem common to the whole district is no
/// recurrence of one place, and the place's own excess is never part of its baseline. Pure.
public struct RecurrenceDetector: Sendable {
    public let policy: RecurrencePolicy

    public init(policy: RecurrencePolicy) {
        self.policy = policy
    }

    /// The weekly count above which a week is unusual for a place expecting `expected` requests.
    public func weeklyLimit(expected: Double) -> Int {
        max(
            policy.minimumWeeklyCount - 1,
            CountTails.poissonUpperQuantile(mean: expected, exceedance: policy.weekExceedance))
    }

    /// Whether enough weeks reach the minimum weekly count for any finding: a cheap test with
    /// which `check` leaves most places before computing a limit.
    private func mayRecur<Counts: RandomAccessCollection>(_ counts: Counts, now: Int) -> Bool
    where Counts.Element: BinaryInteger, Counts.Index == Int {
        let minimum = Counts.Element(policy.minimumWeeklyCount)
        func busyWeeks(in weeks: Range<Int>) -> Int {
            weeks.clamped(to: 0..<min(counts.count, now + 1)).count { counts[counts.startIndex + $0] >= minimum }
        }
        return busyWeeks(in: lookback(now)) >= policy.minimumUnusualWeeks
            || busyWeeks(in: lastSeason(now)) >= policy.minimumUnusualWeeks
    }

    /// The finding for one place's weekly `counts` as of week `now` (included), or nil.
    /// `expected(week)` is the place's expected requests in that week (nil: it cannot be judged,
    /// and the week is not unusual). A persistent finding wins over a seasonal one.
    public func check<Counts: RandomAccessCollection>(
        _ counts: Counts, now: Int, expected: (Int) -> Double?
    ) -> RecurringProblem? where Counts.Element: BinaryInteger, Counts.Index == Int {
        let first = counts.startIndex
        guard mayRecur(counts, now: now) else { return nil }
        func finding(_ kind: RecurringProblem.Kind, in weeks: Range<Int>) -> RecurringProblem? {
            var unusual: [Int] = []
            var requests = 0
            var expectedInThem = 0.0
            for week in weeks.clamped(to: 0..<min(counts.count, now + 1)) {
                let count = Int(counts[first + week])
                guard count >= policy.minimumWeeklyCount, let mean = expected(week),
                    count > weeklyLimit(expected: mean)
                else { continue }
                unusual.append(week)
                requests += count
                expectedInThem += mean
            }
            guard unusual.count >= policy.minimumUnusualWeeks else { return nil }
            return RecurringProblem(kind: kind, unusualWeeks: unusual, requests: requests, expected: expectedInThem)
        }
        return finding(.persistent, in: lookback(now)) ?? finding(.seasonal, in: lastSeason(now))
    }

    private func lookback(_ now: Int) -> Range<Int> { (now + 1 - policy.lookbackWeeks)..<(now + 1) }

    private func lastSeason(_ now: Int) -> Range<Int> {
        let start = now + policy.seasonLeadWeeks - 52
        return start..<(start + policy.seasonWeeks)
    }

    /// A place's expected requests about one problem in one week: the rest of its district's
    /// requests about it that week, scaled by the place's usual share of the district's requests
    /// (`placeShare`, from weeks outside those judged). Nil for a place that is its whole district.
    public static func expected(problemInRestOfDistrict: Int, placeShare: Double) -> Double? {
        guard placeShare >= 0, placeShare < 1 else { return nil }
        return Double(problemInRestOfDistrict) * placeShare / (1 - placeShare)
    }
}
