/// A township's stay in the governance class (治理类, the townships with the most requests in a
/// month's assessment): the consecutive assessed months it spent there and the month it left
/// (摘帽), or nil while it is still there.
public struct GovernanceClassSpell: Sendable, Equatable, Codable {
    public var unitCode: String
    public var unitName: String
    /// The first and last months in the class, `YYYY-MM`.
    public var firstMonth: String
    public var lastMonth: String
    public var months: Int
    /// The assessed month in which it was out of the class again, `YYYY-MM`; nil while it is in.
    public var leftIn: String?

    public init(unitCode: String, unitName: String, firstMonth: String, lastMonth: String, months: Int, leftIn: String?)
    {
        self.unitCode = unitCode
        self.unitName = unitName
        self.firstMonth = firstMonth
        self.lastMonth = lastMonth
        self.months = months
        self.leftIn = leftIn
    }

    enum CodingKeys: String, CodingKey {
        case months
        case unitCode = "unit_code"
        case unitName = "unit_name"
        case firstMonth = "first_month"
        case lastMonth = "last_month"
        case leftIn = "left_in"
    }
}

/// Turns the monthly assessments' classes into each township's stays in the governance class.
/// Pure.
public enum GovernanceClassHistory {
    /// One township's class in one assessed month.
    public struct Assessed: Sendable, Equatable {
        public var unitCode: String
        public var unitName: String
        /// The month's first day.
        public var month: CalendarDay
        public var inClass: Bool

        public init(unitCode: String, unitName: String, month: CalendarDay, inClass: Bool) {
            self.unitCode = unitCode
            self.unitName = unitName
            self.month = month
            self.inClass = inClass
        }
    }

    /// The stays in the class, newest first. A stay is a run of calendar months in the class;
    /// it ends in the first later month that was assessed (`assessedMonths`: every month with a
    /// stored assessment) without the township in the class, which is when it left.
    public static func spells(_ records: [Assessed], assessedMonths: Set<CalendarDay>) -> [GovernanceClassSpell] {
        var spells: [GovernanceClassSpell] = []
        let byUnit = Dictionary(grouping: records.filter(\.inClass), by: \.unitCode)
        for (unit, months) in byUnit {
            let sorted = months.sorted { $0.month < $1.month }
            var runStart = 0
            for index in sorted.indices {
                let isLast = index == sorted.count - 1
                if !isLast, sorted[index + 1].month == sorted[index].month.nextMonth { continue }
                let next = sorted[index].month.nextMonth
                spells.append(
                    GovernanceClassSpell(
                        unitCode: unit, unitName: sorted[index].unitName, firstMonth: label(sorted[runStart].month),
                        lastMonth: label(sorted[index].month), months: index - runStart + 1,
                        leftIn: assessedMonths.contains(next) ? label(next) : nil))
                runStart = index + 1
            }
        }
        return spells.sorted { ($1.lastMonth, $0.unitCode) < ($0.lastMonth, $1.unitCode) }
    }

    private static func label(_ month: CalendarDay) -> String { String(month.isoDescription.prefix(7)) }
}
