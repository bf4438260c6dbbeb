/// Early warnings on a daily series of request counts. Each day the window ending that day is
/// compared with reference windows: the same weeks a year earlier when the series has them
/// (seasonal), else the weeks just before. Given the sum of window and references, a window
/// that changed nothing holds a binomial share 1/(k+1) of it (Poisson counts, k references), so
/// the test's false-alarm probability is exact and stated in the policy, and the baseline's own
/// noise is part of it. Windows disturbed by an earlier warning are left out of the trailing
/// references, so that a surge does not hide the next one; seasonal references keep them, since a
/// season that rose last year (and was warned of then) is expected to rise again. A warning is raised once when the series first crosses, and is over after quiet days. Pure.
public struct EarlyWarningDetector: Sendable {
    public let policy: EarlyWarningPolicy

    public init(policy: EarlyWarningPolicy) {
        self.policy = policy
    }

    /// The warnings raised on days from `firstDay` on; earlier days serve only as history.
    public func scan(_ counts: [Int], from firstDay: Int = 0) -> [EarlyWarning] {
        let width = policy.windowDays
        // A series shorter than one window has no window to judge.
        guard counts.count >= width else { return [] }
        var sums = [0]
        sums.reserveCapacity(counts.count + 1)
        for count in counts { sums.append(sums.last! + count) }
        /// Requests in the window ending on `day` (nil when it starts before the series).
        func window(endingOn day: Int) -> Int? {
            day - width + 1 >= 0 && day < counts.count ? sums[day + 1] - sums[day - width + 1] : nil
        }
        var disturbed = [Bool](repeating: false, count: counts.count)
        var warnings: [EarlyWarning] = []
        var quietFor = policy.quietDays
        for day in max(width - 1, 0)..<counts.count {
            guard let observed = window(endingOn: day),
                let (ends, baseline) = referenceEnds(for: day)
            else { continue }
            let references = ends.filter { end in
                baseline == .seasonal || !disturbed[(end - width + 1)...end].contains(true)
            }
            .compactMap(window(endingOn:))
            guard references.count >= policy.minimumReferenceWindows else { continue }
            let total = references.reduce(0, +)
            let expected = Double(total) / Double(references.count)
            let probability = CountTails.binomialAtLeast(
                observed, trials: observed + total, probability: 1 / Double(references.count + 1))
            let unusual =
                probability < policy.falseAlarmProbability && observed >= policy.minimumCount
                && Double(observed) >= policy.minimumRatio * expected
            guard unusual else {
                quietFor += 1
                continue
            }
            for disturbedDay in (day - width + 1)...day { disturbed[disturbedDay] = true }
            if quietFor >= policy.quietDays, day >= firstDay {
                warnings.append(
                    EarlyWarning(
                        day: day, observed: observed, expected: expected, probability: probability, baseline: baseline,
                        referenceWindows: references.count))
            }
            quietFor = 0
        }
        return warnings
    }

    /// The last days of the reference windows for the window ending on `day`, and their kind;
    /// nil while the series is too short for either.
    public func referenceEnds(for day: Int) -> ([Int], EarlyWarning.Baseline)? {
        let width = policy.windowDays
        let side = policy.seasonalWindowsEachSide
        let yearAgo = day - 364
        if yearAgo - side * 7 - width + 1 >= 0 {
            return ((-side...side).map { yearAgo + $0 * 7 }, .seasonal)
        }
        let first = day - width * (policy.guardWindows + 1)
        let ends = (0..<policy.trailingWindows).map { first - $0 * width }
        guard let earliest = ends.last, earliest - width + 1 >= 0 else { return nil }
        return (ends, .trailing)
    }
}
