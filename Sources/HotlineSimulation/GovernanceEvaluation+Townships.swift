public import HotlineDomain

extension GovernanceEvaluation {
    /// The early warnings over leaf × township series, where volume allows.
    public struct TownshipWarningScore: Sendable {
        /// Series whose 7-day window could reach the policy's minimum count in the judged days
        /// (two consecutive weeks holding that many): the only ones a warning can come from.
        public var tested: Int
        public var warnings: Int
        /// Warnings whose window held days of an injected surge of their category in their district.
        public var inSurges: Int
        /// Warnings whose window held weeks of a problem injected recurring in their township.
        public var inRecurrences: Int
        /// Warnings per district per month.
        public var perDistrictMonth: Double
    }

    /// Runs the early-warning detector from `firstDay` over every leaf × township series that has
    /// the volume for a warning. The simulated city counts leaves by township and week, so each
    /// week's count is spread over its days at random (weekdays 1.1, weekends 0.75, as the city
    /// model weighs them), seeded by `seed`.
    public static func townshipWarnings(
        _ counts: CityYears.Counts, injections: CityYears.Injections, detector: EarlyWarningDetector,
        from firstDay: Int, seed: UInt64
    ) -> TownshipWarningScore {
        let window = detector.policy.windowDays
        let minimum = detector.policy.minimumCount
        let firstWeek = max(0, firstDay / 7 - 1)
        let dayWeights = (0..<7).map { $0 >= 5 ? 0.75 : 1.1 }
        var random = SeededGenerator(seed: seed)
        var score = TownshipWarningScore(
            tested: 0, warnings: 0, inSurges: 0, inRecurrences: 0, perDistrictMonth: 0)
        for (leaf, leafCode) in counts.leaves.enumerated() {
            for township in counts.townships.indices {
                let weekly = Array(counts.weekly(leaf: leaf, township: township))
                guard
                    (firstWeek..<(weekly.count - 1)).contains(where: {
                        Int(weekly[$0]) + Int(weekly[$0 + 1]) >= minimum
                    })
                else { continue }
                score.tested += 1
                var daily = [Int](repeating: 0, count: counts.days)
                for (week, count) in weekly.enumerated() {
                    for _ in 0..<Int(count) {
                        let day = week * 7 + random.pick(weights: dayWeights)
                        if day < counts.days { daily[day] += 1 }
                    }
                }
                let district = counts.districts[counts.townshipDistrict[township]]
                let surged = injections.surges.filter {
                    leafCode.hasPrefix($0.categoryCode) && $0.districtCode == district
                }
                let recurring = injections.recurrences.filter {
                    $0.leafCode == leafCode && $0.townshipCode == counts.townships[township]
                }
                for warning in detector.scan(daily, from: firstDay) {
                    score.warnings += 1
                    let windowStart = warning.day - window + 1
                    if surged.contains(where: { windowStart < $0.firstDay + $0.days && warning.day >= $0.firstDay }) {
                        score.inSurges += 1
                    } else if recurring.contains(where: { $0.isActive(inWeeks: (windowStart / 7)...(warning.day / 7)) })
                    {
                        score.inRecurrences += 1
                    }
                }
            }
        }
        let months = Double(counts.days - firstDay) / (Double(CityYears.yearDays) / 12)
        score.perDistrictMonth = Double(score.warnings) / Double(max(1, counts.districts.count)) / max(months, 1e-9)
        return score
    }
}

extension CityYears.Recurrence {
    /// Whether the problem was put in during any of `weeks` (every year's season when seasonal).
    func isActive(inWeeks weeks: ClosedRange<Int>) -> Bool {
        weeks.contains { week in
            let offset = seasonal ? (week - firstWeek) % 52 : week - firstWeek
            return week >= firstWeek && offset < self.weeks
        }
    }
}
