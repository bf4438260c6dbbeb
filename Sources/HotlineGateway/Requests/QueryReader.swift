import Foundation
import HotlineDomain
import Hummingbird

/// Reads a request's query parameters, each bad one a 400 problem naming it: texts without
/// control characters (empty is absent), ISO 8601 times, UUIDs, page sizes.
struct QueryReader {
    private let request: Request

    init(_ request: Request) {
        self.request = request
    }

    /// The parameter `name` as text, nil when absent or empty.
    func text(_ name: String) throws -> String? {
        guard let value = request.uri.queryParameters[Substring(name)].map(String.init), !value.isEmpty else {
            return nil
        }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw QueryProblem.invalid(name, "text without control characters")
        }
        return value
    }

    /// The parameter `name` as an ISO 8601 time.
    func date(_ name: String) throws -> Date? {
        guard let value = try text(name) else { return nil }
        guard let date = try? Date(value, strategy: .iso8601) else {
            throw QueryProblem.invalid(name, "an ISO 8601 time such as 2026-11-22T08:00:00Z")
        }
        return date
    }

    /// The parameter `name` as a calendar day, `YYYY-MM-DD`.
    func day(_ name: String) throws -> CalendarDay? {
        guard let value = try text(name) else { return nil }
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        let utc = TimeZone(identifier: "UTC")!
        guard value.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
            let day = Int(parts[2]), (2000...2099).contains(year), (1...12).contains(month), (1...31).contains(day),
            CalendarDay(CalendarDay(year: year, month: month, day: day).start(in: utc), in: utc)
                == CalendarDay(year: year, month: month, day: day)
        else {
            throw QueryProblem.invalid(name, "a day of the years 2000 to 2099 such as 2026-11-22")
        }
        return CalendarDay(year: year, month: month, day: day)
    }

    /// The parameter `name` as a UUID.
    func uuid(_ name: String) throws -> UUID? {
        guard let value = try text(name) else { return nil }
        guard let id = UUID(uuidString: value) else { throw QueryProblem.invalid(name, "a UUID") }
        return id
    }

    /// The parameter `limit` as a page size from 1 to `maximum`, else `fallback`.
    func limit(maximum: Int, fallback: Int) throws -> Int {
        try text("limit").map { value in
            guard let limit = Int(value), (1...maximum).contains(limit) else {
                throw QueryProblem.invalid("limit", "a number from 1 to \(maximum)")
            }
            return limit
        } ?? fallback
    }

    /// The parameter `name` as one of `Value`'s raw values.
    func choice<Value: RawRepresentable & CaseIterable>(_ name: String, of type: Value.Type) throws -> Value?
    where Value.RawValue == String {
        guard let value = try text(name) else { return nil }
        guard let known = Value(rawValue: value) else {
            throw QueryProblem.invalid(name, Value.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return known
    }
}
