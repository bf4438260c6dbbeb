public import Foundation

/// Dates as Open311 writes and reads them: W3C date-times (ISO 8601 with a time zone, such as
/// `2026-12-03T09:30:00+08:00`), or a bare date, taken as its midnight in UTC.
public enum W3CDateTime {
    /// `date` in `timeZone`'s offset, to the second.
    public static func string(_ date: Date, in timeZone: TimeZone) -> String {
        date.formatted(
            Date.ISO8601FormatStyle(timeZone: timeZone).year().month().day().time(includingFractionalSeconds: false)
                .timeZone(separator: .colon))
    }

    /// The moment `text` names, or nil when it is not a W3C date-time.
    public static func date(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = try? Date(trimmed, strategy: .iso8601) { return date }
        if let date = try? Date(
            trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        {
            return date
        }
        return try? Date(trimmed, strategy: Date.ISO8601FormatStyle().year().month().day())
    }
}
