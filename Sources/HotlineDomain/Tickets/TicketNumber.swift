/// The human-readable number of a ticket: the local date of intake and a daily sequence,
/// e.g. `20261122-000042`.
public struct TicketNumber: Hashable, Sendable, CustomStringConvertible {
    public let day: CalendarDay
    public let sequence: Int

    public init(day: CalendarDay, sequence: Int) {
        precondition(sequence > 0, "ticket sequences start at 1")
        self.day = day
        self.sequence = sequence
    }

    public var description: String {
        "\(day.compactDescription)-\(sequence.zeroPadded(to: 6))"
    }
}

/// A calendar day in the city's time zone, independent of any clock.
public struct CalendarDay: Hashable, Comparable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYYMMDD`.
    public var compactDescription: String {
        year.zeroPadded(to: 4) + month.zeroPadded(to: 2) + day.zeroPadded(to: 2)
    }

    /// `YYYY-MM-DD`.
    public var isoDescription: String {
        "\(year.zeroPadded(to: 4))-\(month.zeroPadded(to: 2))-\(day.zeroPadded(to: 2))"
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension Int {
    /// The decimal digits of a non-negative number, left-padded with zeros to `width`.
    func zeroPadded(to width: Int) -> String {
        let digits = String(self)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}
