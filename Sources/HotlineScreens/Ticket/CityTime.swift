import Foundation
import HotlineRuntime

/// Times as the screens show and read them: in the city's time zone (`HOTLINE_TIME_ZONE`, the
/// zone of ticket numbers and reports), where the people who use the screens work.
enum CityTime {
    /// The city's time zone.
    static let zone =
        TimeZone(identifier: HotlineVariable.timeZone.value(in: ProcessInfo.processInfo.environment))
        ?? TimeZone(secondsFromGMT: 8 * 3600)!

    /// The time as templates carry it in `datetime` attributes and countdowns: ISO 8601.
    static func iso(_ date: Date) -> String { date.formatted(.iso8601) }

    /// The time as a page shows it: `2026-12-04 17:30` in the city's zone.
    static func shown(_ date: Date) -> String {
        date.formatted(
            Date.VerbatimFormatStyle(
                format:
                    "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits)",
                timeZone: zone, calendar: Calendar(identifier: .gregorian)))
    }

    /// The time as a `datetime-local` input holds it: `2026-12-04T17:30` in the city's zone.
    static func formValue(_ date: Date) -> String {
        shown(date).replacingOccurrences(of: " ", with: "T")
    }

    /// A time typed into a form: ISO 8601, or a browser's `datetime-local` value
    /// (`2026-12-04T17:30`) in the city's zone; nil when it is neither.
    static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
