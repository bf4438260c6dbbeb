import Foundation
import HotlineDomain
import HotlineServices
import HotlineStorage
import Hummingbird

/// The query of `GET /tickets`: the filter, the page size and where the page starts; a
/// parameter that cannot be read is a 400 problem.
struct TicketListQuery {
    var filter: TicketFilter
    var limit: Int
    var cursor: TicketCursor?

    /// The query of `request`, or the problem with it.
    init(_ request: Request) throws {
        let query = request.uri.queryParameters
        func text(_ name: String) throws -> String? {
            guard let value = query[Substring(name)].map(String.init), !value.isEmpty else { return nil }
            guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw QueryProblem.invalid(name, "text without control characters")
            }
            return value
        }
        func date(_ name: String) throws -> Date? {
            guard let value = try text(name) else { return nil }
            guard let date = try? Date(value, strategy: .iso8601) else {
                throw QueryProblem.invalid(name, "an ISO 8601 time such as 2026-11-22T08:00:00Z")
            }
            return date
        }
        filter = TicketFilter(
            unitCode: try text("unit"), categoryCode: try text("category"), placeCode: try text("place"),
            placeText: try text("place_text"), text: try text("q"), receivedFrom: try date("from"),
            receivedBefore: try date("to"))
        if let state = try text("state") {
            guard let known = TicketState(rawValue: state) else {
                throw QueryProblem.invalid("state", TicketState.allCases.map(\.rawValue).joined(separator: ", "))
            }
            filter.state = known
        }
        let maximum = ReadTickets.maximumPageSize
        limit =
            try text("limit").map { value in
                guard let limit = Int(value), (1...maximum).contains(limit) else {
                    throw QueryProblem.invalid("limit", "a number from 1 to \(maximum)")
                }
                return limit
            } ?? 50
        cursor = try text("cursor").map { value in
            guard let cursor = TicketCursor(token: value) else {
                throw QueryProblem.invalid("cursor", "the next_cursor of a previous page")
            }
            return cursor
        }
    }
}
