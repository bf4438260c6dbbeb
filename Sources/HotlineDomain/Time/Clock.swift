public import Foundation

/// Where services get the current time. Nothing reads the wall clock directly, so tests and the
/// city simulation can run time at their own pace.
public protocol HotlineClock: Sendable {
    func now() -> Date
}

/// The machine's wall clock.
public struct SystemClock: HotlineClock {
    public init() {}
    public func now() -> Date { Date() }
}

extension CalendarDay {
    /// The day `date` falls on in `timeZone` (the city's zone, Asia/Shanghai for Beijing).
    public init(_ date: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}
