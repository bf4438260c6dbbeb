import HotlineDomain
import HotlineServices
import HotlineStorage
import Hummingbird

/// The query of `GET /audit`: the filter, the page size and the sequence the page starts before.
struct AuditQuery {
    var filter: AuditStore.Filter
    var limit: Int
    var cursor: Int64?

    /// The query of `request`, or the problem with it.
    init(_ request: Request) throws {
        let query = QueryReader(request)
        filter = AuditStore.Filter(
            tokenId: try query.uuid("token_id"), unitCode: try query.text("unit"),
            ticketId: try query.uuid("ticket_id"), role: try query.choice("role", of: Role.self),
            from: try query.date("from"), before: try query.date("to"))
        limit = try query.limit(maximum: ReadAuditTrail.maximumPageSize, fallback: 100)
        cursor = try query.text("cursor").map { value in
            guard let cursor = Int64(value), cursor > 0 else {
                throw QueryProblem.invalid("cursor", "the next_cursor of a previous page")
            }
            return cursor
        }
    }
}
