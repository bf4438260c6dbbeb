import PostgresNIO

/// A `PostgresQuery` assembled from interpolated fragments, for queries whose conditions
/// depend on the request: each fragment's values become bound parameters numbered after those
/// already in the query, so no SQL is numbered by hand.
struct QueryBuilder {
    private var interpolation = PostgresQuery.StringInterpolation(literalCapacity: 512, interpolationCount: 16)

    init(_ start: QueryFragment) {
        append(start)
    }

    /// Adds `fragment` to the end of the query.
    mutating func append(_ fragment: QueryFragment) {
        for part in fragment.parts { part(&interpolation) }
    }

    /// The query as built so far.
    var query: PostgresQuery { PostgresQuery(stringInterpolation: interpolation) }
}

/// SQL text with interpolated values, to append to a `QueryBuilder`: `"AND unit_code = \(unit)"`
/// binds `unit`; `\(unescaped:)` inserts fixed SQL text (column lists), never a request's value.
struct QueryFragment: ExpressibleByStringInterpolation {
    fileprivate typealias Part = (inout PostgresQuery.StringInterpolation) -> Void
    fileprivate var parts: [Part]

    init(stringLiteral value: String) {
        parts = [{ $0.appendLiteral(value) }]
    }

    init(stringInterpolation: StringInterpolation) {
        parts = stringInterpolation.parts
    }

    /// Collects a fragment's text and values in order.
    struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var parts: [Part] = []

        init(literalCapacity: Int, interpolationCount: Int) {}

        mutating func appendLiteral(_ literal: String) {
            parts.append { $0.appendLiteral(literal) }
        }

        mutating func appendInterpolation(_ value: some PostgresDynamicTypeEncodable) {
            parts.append { $0.appendInterpolation(value) }
        }

        mutating func appendInterpolation(unescaped text: String) {
            parts.append { $0.appendInterpolation(unescaped: text) }
        }
    }
}
