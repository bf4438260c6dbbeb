extension CalendarDay {
    /// The first day of the month written `YYYY-MM` (years 2000–2099), or nil.
    public init?(month text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let month = Int(parts[1]), (2000...2099).contains(year), (1...12).contains(month)
        else { return nil }
        self.init(year: year, month: month, day: 1)
    }

    /// `YYYY-MM`.
    public var monthDescription: String { String(isoDescription.prefix(7)) }

    /// The first day of the month `count` months after this day's (before it when negative).
    public func addingMonths(_ count: Int) -> CalendarDay {
        let index = year * 12 + (month - 1) + count
        return CalendarDay(year: index / 12, month: index % 12 + 1, day: 1)
    }

    /// Months from this day's month to `other`'s (negative when `other` is earlier).
    public func months(to other: CalendarDay) -> Int {
        (other.year * 12 + other.month) - (year * 12 + month)
    }
}
