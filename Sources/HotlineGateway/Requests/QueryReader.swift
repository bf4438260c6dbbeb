import Foundation
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
