import ArgumentParser
import HotlineDomain

/// A month given as `YYYY-MM`.
struct MonthArgument: ExpressibleByArgument {
    /// The month's first day.
    let day: CalendarDay

    init?(argument: String) {
        let parts = argument.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, (1...12).contains(parts[1]) else { return nil }
        day = CalendarDay(year: parts[0], month: parts[1], day: 1)
    }
}
