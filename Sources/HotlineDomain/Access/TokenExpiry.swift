public import Foundation

/// When a new token stops authenticating, as an administrator writes it: a duration from now
/// (`90d` days, `12h` hours), a day (`2027-06-30`: the token expires as that day begins in the
/// city's time zone) or an instant with its UTC offset (`2027-06-30T18:00:00+08:00`, or `Z`).
public enum TokenExpiry {
    /// Why an expiry is refused; `description` says what is accepted.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// Most days or hours a duration may count.
    static let longestDuration = 99_999

    /// The instant `text` names, read at `now` in `timeZone`; it must lie after `now`.
    public static func parse(_ text: String, now: Date, timeZone: TimeZone) throws(Refusal) -> Date {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard let expiry = duration(text, now: now) ?? day(text, timeZone: timeZone) ?? instant(text) else {
            throw Refusal(
                description:
                    "'\(text)' is not an expiry: write a duration (90d, 12h), a day (2027-06-30) or a time with its offset (2027-06-30T18:00:00+08:00)"
            )
        }
        guard expiry > now else {
            throw Refusal(description: "'\(text)' is already past: a token must expire in the future")
        }
        return expiry
    }

    /// `Nd` or `Nh` after `now`.
    private static func duration(_ text: String, now: Date) -> Date? {
        let unitSeconds: TimeInterval
        switch text.last {
        case "d": unitSeconds = 86_400
        case "h": unitSeconds = 3_600
        default: return nil
        }
        let digits = text.dropLast()
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let count = Int(digits),
            (1...longestDuration).contains(count)
        else { return nil }
        return now.addingTimeInterval(Double(count) * unitSeconds)
    }

    /// The start of the day `YYYY-MM-DD` in `timeZone`; nil for anything else, or a day the
    /// calendar does not have (2027-02-30).
    private static func day(_ text: String, timeZone: TimeZone) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.map(\.count) == [4, 2, 2], parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        guard let start = calendar.date(from: DateComponents(year: year, month: month, day: day)),
            case let found = calendar.dateComponents([.year, .month, .day], from: start),
            found.year == year, found.month == month, found.day == day
        else { return nil }
        return start
    }

    /// An ISO 8601 date and time with a UTC offset or `Z`.
    private static func instant(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}

extension Character {
    /// `0` to `9` only (not other scripts' digits).
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
