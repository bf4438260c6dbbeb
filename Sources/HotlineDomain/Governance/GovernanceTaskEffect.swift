/// What a governance task changed, measured from the requests about its problem in each
/// district: the task's months so far (`during`) against the same months a year earlier, and,
/// to tell the task from the problem's own trend, as many months just before the task against
/// their year-earlier months. `adjustedChange` compares the two year-on-year ratios, so a
/// problem that was already falling by a fifth and falls by half under the task counts about
/// −37 %, not −50 %. Pure.
public struct GovernanceTaskEffect: Sendable, Equatable, Codable {
    /// One district's figures (the city's under `GovernanceTaskEffect.city`).
    public struct Figures: Sendable, Equatable, Codable {
        public var districtCode: String?
        /// Requests in the task's measured months.
        public var during: Int
        /// Requests in the same months a year earlier.
        public var duringLastYear: Int
        /// Requests in as many months just before the task.
        public var before: Int
        /// Requests in those months a year earlier.
        public var beforeLastYear: Int
        /// `during` over `duringLastYear`, minus one; nil without requests a year earlier.
        public var change: Double?
        /// The year-on-year ratio during the task over the one before it, minus one; nil when
        /// either has no requests to compare with.
        public var adjustedChange: Double?

        init(districtCode: String?, during: Int, duringLastYear: Int, before: Int, beforeLastYear: Int) {
            self.districtCode = districtCode
            self.during = during
            self.duringLastYear = duringLastYear
            self.before = before
            self.beforeLastYear = beforeLastYear
            let yearOnYear = duringLastYear > 0 ? Double(during) / Double(duringLastYear) : nil
            change = yearOnYear.map { $0 - 1 }
            if let yearOnYear, before > 0, beforeLastYear > 0 {
                adjustedChange = yearOnYear / (Double(before) / Double(beforeLastYear)) - 1
            } else {
                adjustedChange = nil
            }
        }

        enum CodingKeys: String, CodingKey {
            case during, before, change
            case districtCode = "district_code"
            case duringLastYear = "during_last_year"
            case beforeLastYear = "before_last_year"
            case adjustedChange = "adjusted_change"
        }
    }

    /// The task's months measured so far (those that have ended), `YYYY-MM`; empty before the
    /// first has ended.
    public var months: [String]
    /// The months before the task they are compared with, `YYYY-MM`.
    public var monthsBefore: [String]
    public var city: Figures
    /// Every district with requests in any of the compared months, by code.
    public var districts: [Figures]

    enum CodingKeys: String, CodingKey {
        case months, city, districts
        case monthsBefore = "months_before"
    }

    /// The months whose counts `measure` needs: from a year before the months before the task
    /// through the last measured month; nil when no month of the task has ended by `today`.
    public static func span(
        firstMonth: CalendarDay, lastMonth: CalendarDay, today: CalendarDay
    ) -> (measured: [CalendarDay], before: [CalendarDay], earliest: CalendarDay)? {
        let lastEnded = today.firstOfMonth.addingMonths(-1)
        let end = min(lastMonth, lastEnded)
        guard firstMonth <= end else { return nil }
        let measured = (0...firstMonth.months(to: end)).map { firstMonth.addingMonths($0) }
        let before = (1...measured.count).reversed().map { firstMonth.addingMonths(-$0) }
        return (measured, before, before[0].addingMonths(-12))
    }

    /// The effect from `counts` (requests per district and month, months as their first days),
    /// over the months of `span`.
    public static func measure(
        counts: [String: [CalendarDay: Int]], measured: [CalendarDay], before: [CalendarDay]
    ) -> GovernanceTaskEffect {
        func sum(_ series: [CalendarDay: Int], _ months: [CalendarDay], shift: Int = 0) -> Int {
            months.map { series[$0.addingMonths(shift)] ?? 0 }.reduce(0, +)
        }
        let districts = counts.keys.sorted().map { code in
            let series = counts[code] ?? [:]
            return Figures(
                districtCode: code, during: sum(series, measured), duringLastYear: sum(series, measured, shift: -12),
                before: sum(series, before), beforeLastYear: sum(series, before, shift: -12))
        }
        let city = Figures(
            districtCode: nil, during: districts.map(\.during).reduce(0, +),
            duringLastYear: districts.map(\.duringLastYear).reduce(0, +), before: districts.map(\.before).reduce(0, +),
            beforeLastYear: districts.map(\.beforeLastYear).reduce(0, +))
        return GovernanceTaskEffect(
            months: measured.map(\.monthDescription), monthsBefore: before.map(\.monthDescription), city: city,
            districts: districts.filter { $0.during + $0.duringLastYear + $0.before + $0.beforeLastYear > 0 })
    }

    /// No month of the task has ended yet: nothing to measure.
    public static let notYetMeasured = GovernanceTaskEffect(
        months: [], monthsBefore: [],
        city: Figures(districtCode: nil, during: 0, duringLastYear: 0, before: 0, beforeLastYear: 0),
        districts: [])
}
