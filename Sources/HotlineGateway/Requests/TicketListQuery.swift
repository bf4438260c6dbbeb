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
        let query = QueryReader(request)
        filter = TicketFilter(
            unitCode: try query.text("unit"), state: try query.choice("state", of: TicketState.self),
            categoryCode: try query.text("category"), placeCode: try query.text("place"),
            placeText: try query.text("place_text"), text: try query.text("q"), receivedFrom: try query.date("from"),
            receivedBefore: try query.date("to"), callerPhone: try query.text("caller_phone"))
        limit = try query.limit(maximum: ReadTickets.maximumPageSize, fallback: 50)
        cursor = try query.text("cursor").map { value in
            guard let cursor = TicketCursor(token: value) else {
                throw QueryProblem.invalid("cursor", "the next_cursor of a previous page")
            }
            return cursor
        }
    }
}
