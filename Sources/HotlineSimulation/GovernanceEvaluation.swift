public import HotlineDomain

/// How well the governance detectors find what `CityYears` put in on purpose, and how often they
/// raise something that was not put in. Pure.
public enum GovernanceEvaluation {
    /// The early warnings' score over category × district series.
    public struct WarningScore: Sendable {
        public var series: Int
        public var surges: Int
        /// Surges warned of while they lasted.
        public var detected: Int
        public var warnings: Int
        /// Warnings whose window held days of an injected surge.
        public var matched: Int
        /// Days from each detected surge's start to its warning.
        public var delays: [Int]
        /// Warnings per district per month.
        public var perDistrictMonth: Double

        public var recall: Double { surges == 0 ? 1 : Double(detected) / Double(surges) }
        public var precision: Double { warnings == 0 ? 1 : Double(matched) / Double(warnings) }
    }

    /// Scans every category × district series from `firstDay` and matches warnings to surges.
    public static func earlyWarnings(
        _ counts: CityYears.Counts, surges: [CityYears.Surge], detector: EarlyWarningDetector, from firstDay: Int
    ) -> WarningScore {
        let window = detector.policy.windowDays
        var score = WarningScore(
            series: counts.categories.count * counts.districts.count, surges: surges.count, detected: 0, warnings: 0,
            matched: 0, delays: [], perDistrictMonth: 0)
        var found = Set<Int>()
        for (category, categoryCode) in counts.categories.enumerated() {
            for (district, districtCode) in counts.districts.enumerated() {
                let series = counts.daily(category: category, district: district).map(Int.init)
                let warnings = detector.scan(series, from: firstDay)
                let mine = surges.indices.filter {
                    surges[$0].categoryCode == categoryCode && surges[$0].districtCode == districtCode
                }
                score.warnings += warnings.count
                for warning in warnings {
                    let windowStart = warning.day - window + 1
                    let hits = mine.filter {
                        windowStart < surges[$0].firstDay + surges[$0].days && warning.day >= surges[$0].firstDay
                    }
                    if !hits.isEmpty { score.matched += 1 }
                    for hit in hits where warning.day < surges[hit].firstDay + surges[hit].days {
                        if found.insert(hit).inserted { score.delays.append(warning.day - surges[hit].firstDay) }
                    }
                }
            }
        }
        score.detected = found.count
        let months = Double(counts.days - firstDay) / (Double(CityYears.yearDays) / 12)
        score.perDistrictMonth = Double(score.warnings) / Double(max(1, counts.districts.count)) / max(months, 1e-9)
        return score
    }

    /// The recurrence detector's score over leaf × township cells.
    public struct RecurrenceScore: Sendable {
        public var persistent: Int
        /// Persistent recurrences found while they lasted (or within two weeks after).
        public var persistentFound: Int
        /// Weeks from each found one's start to its first finding.
        public var persistentDelays: [Int]
        public var seasonal: Int
        /// Seasonal recurrences proposed before their season came back.
        public var seasonalAhead: Int
        /// Weeks of notice each got.
        public var seasonalLeads: [Int]
        /// Distinct places flagged, and those that hold an injected recurrence.
        public var flaggedPlaces: Int
        public var truePlaces: Int
        /// Flagged places that hold no injection, per district per month.
        public var falsePerDistrictMonth: Double

        public var precision: Double { flaggedPlaces == 0 ? 1 : Double(truePlaces) / Double(flaggedPlaces) }
    }

    /// Checks every leaf × township cell in each of `weeks`, each week's expectation from the rest
    /// of the township's district that week and the township's share of the district in the 52
    /// weeks before each check's lookback, and matches the findings to the injected recurrences.
    public static func recurrences(
        _ counts: CityYears.Counts, recurrences: [CityYears.Recurrence], detector: RecurrenceDetector,
        weeks: Range<Int>
    ) -> RecurrenceScore {
        let totals = WeeklyTotals(counts)
        let lookback = detector.policy.lookbackWeeks
        var firstFinding: [Int: [RecurringProblem.Kind: Int]] = [:]
        for week in weeks {
            let span = max(0, week + 1 - lookback - 52)..<max(0, week + 1 - lookback)
            guard !span.isEmpty else { continue }
            for township in counts.townships.indices {
                let home = counts.townshipDistrict[township]
                let share = totals.share(of: township, span: span)
                for leaf in counts.leaves.indices {
                    let series = counts.weekly(leaf: leaf, township: township)
                    let finding = detector.check(series, now: week) { judged in
                        let rest =
                            totals.problem(leaf, district: home, week: judged) - Int(series[series.startIndex + judged])
                        return RecurrenceDetector.expected(problemInRestOfDistrict: rest, placeShare: share)
                    }
                    guard let finding else { continue }
                    let cell = leaf * counts.townships.count + township
                    if firstFinding[cell, default: [:]][finding.kind] == nil {
                        firstFinding[cell, default: [:]][finding.kind] = week
                    }
                }
            }
        }
        let leafIndex = Dictionary(uniqueKeysWithValues: counts.leaves.enumerated().map { ($1, $0) })
        let townshipIndex = Dictionary(uniqueKeysWithValues: counts.townships.enumerated().map { ($1, $0) })
        func cell(_ recurrence: CityYears.Recurrence) -> Int? {
            guard let leaf = leafIndex[recurrence.leafCode], let township = townshipIndex[recurrence.townshipCode]
            else { return nil }
            return leaf * counts.townships.count + township
        }
        let injectedCells = Set(recurrences.compactMap(cell))
        var score = RecurrenceScore(
            persistent: 0, persistentFound: 0, persistentDelays: [], seasonal: 0, seasonalAhead: 0, seasonalLeads: [],
            flaggedPlaces: firstFinding.count, truePlaces: firstFinding.keys.count(where: injectedCells.contains),
            falsePerDistrictMonth: 0)
        for recurrence in recurrences {
            let findings = cell(recurrence).flatMap { firstFinding[$0] }
            if recurrence.seasonal {
                let season = recurrence.firstWeek + 52 * ((weeks.lowerBound - recurrence.firstWeek + 51) / 52)
                guard weeks.contains(season) else { continue }
                score.seasonal += 1
                if let week = findings?[.seasonal], week < season {
                    score.seasonalAhead += 1
                    score.seasonalLeads.append(season - week)
                }
            } else {
                score.persistent += 1
                if let week = findings?[.persistent],
                    (recurrence.firstWeek...(recurrence.firstWeek + recurrence.weeks + 2)).contains(week)
                {
                    score.persistentFound += 1
                    score.persistentDelays.append(week - recurrence.firstWeek)
                }
            }
        }
        let months = Double(weeks.count) * 7 / (Double(CityYears.yearDays) / 12)
        score.falsePerDistrictMonth =
            Double(score.flaggedPlaces - score.truePlaces) / Double(max(1, counts.districts.count)) / max(months, 1e-9)
        return score
    }

    /// Weekly running totals per leaf and district, township, and district, so a week's count or
    /// a span's total costs one subtraction.
    struct WeeklyTotals {
        let stride: Int
        let townshipDistrict: [Int]
        let districts: Int
        /// [leaf][district][week + 1].
        var leafDistrict: [Int]
        /// [township][week + 1].
        var township: [Int]
        /// [district][week + 1].
        var district: [Int]

        init(_ counts: CityYears.Counts) {
            stride = counts.weeks + 1
            townshipDistrict = counts.townshipDistrict
            districts = counts.districts.count
            leafDistrict = [Int](repeating: 0, count: counts.leaves.count * districts * stride)
            township = [Int](repeating: 0, count: counts.townships.count * stride)
            district = [Int](repeating: 0, count: districts * stride)
            for leaf in counts.leaves.indices {
                for place in counts.townships.indices {
                    let series = counts.weekly(leaf: leaf, township: place)
                    let home = townshipDistrict[place]
                    for (offset, count) in series.enumerated() where count > 0 {
                        leafDistrict[(leaf * districts + home) * stride + offset + 1] += Int(count)
                        township[place * stride + offset + 1] += Int(count)
                        district[home * stride + offset + 1] += Int(count)
                    }
                }
            }
            for row in 0..<(leafDistrict.count / stride) { Self.accumulate(&leafDistrict, row: row, stride: stride) }
            for row in 0..<counts.townships.count { Self.accumulate(&township, row: row, stride: stride) }
            for row in 0..<districts { Self.accumulate(&district, row: row, stride: stride) }
        }

        private static func accumulate(_ values: inout [Int], row: Int, stride: Int) {
            for index in (row * stride + 1)..<((row + 1) * stride) { values[index] += values[index - 1] }
        }

        private func total(_ values: [Int], row: Int, _ weeks: Range<Int>) -> Int {
            values[row * stride + weeks.upperBound] - values[row * stride + weeks.lowerBound]
        }

        /// Requests about `leaf` in `district` in one week.
        func problem(_ leaf: Int, district home: Int, week: Int) -> Int {
            total(leafDistrict, row: leaf * districts + home, week..<(week + 1))
        }

        /// The township's share of its district's requests over `span`.
        func share(of place: Int, span: Range<Int>) -> Double {
            let all = total(district, row: townshipDistrict[place], span)
            return all > 0 ? Double(total(township, row: place, span)) / Double(all) : 0
        }
    }
}
