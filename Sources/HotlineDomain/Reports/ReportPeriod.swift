public import Foundation

/// The periods of the leaders' reports: the hourly report, daily bulletin, weekly summary and
/// monthly analysis (小时报、日通报、周汇总、月分析), each a calendar period in the city's zone
/// (weeks from Monday).
public enum ReportPeriod: String, Sendable, Codable, CaseIterable {
    case hour, day, week, month

    /// One period: its start and end (exclusive), and the start of the period before, to which
    /// it is compared.
    public struct Bounds: Sendable, Equatable {
        public var start: Date
        public var end: Date
        public var previousStart: Date
    }

    /// The period containing `moment`, in `zone`.
    public func bounds(containing moment: Date, in zone: TimeZone) -> Bounds {
        let calendar = Self.calendar(in: zone)
        let interval = calendar.dateInterval(of: component, for: moment)!
        return Bounds(
            start: interval.start, end: interval.end,
            previousStart: calendar.date(byAdding: component, value: -1, to: interval.start)!)
    }

    /// The period starting at `start` moved by `count` periods.
    public func start(_ start: Date, movedBy count: Int, in zone: TimeZone) -> Date {
        Self.calendar(in: zone).date(byAdding: component, value: count, to: start)!
    }

    private var component: Calendar.Component {
        switch self {
        case .hour: .hour
        case .day: .day
        case .week: .weekOfYear
        case .month: .month
        }
    }

    private static func calendar(in zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = zone
        return calendar
    }
}
