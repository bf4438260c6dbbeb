import HotlineDomain
import HotlineServices
import HotlineStorage
import Hummingbird

/// The query of `GET /units/{code}/inbox`: kinds (comma-separated), state, ticket, page size
/// and the item the page starts before.
struct InboxQuery {
    var filter: InboxStore.Filter
    var limit: Int
    var cursor: Int64?

    /// The query of `request`, or the problem with it.
    init(_ request: Request) throws {
        let query = QueryReader(request)
        let kinds = try query.text("kind").map { list in
            try list.split(separator: ",").map { name in
                guard let kind = InboxKind(rawValue: String(name)) else {
                    throw QueryProblem.invalid("kind", InboxKind.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return kind
            }
        }
        filter = InboxStore.Filter(
            kinds: kinds, state: try query.choice("state", of: InboxStore.StateFilter.self) ?? .all,
            ticketId: try query.uuid("ticket_id"))
        limit = try query.limit(maximum: ReadInbox.maximumPageSize, fallback: 100)
        cursor = try query.text("cursor").map { value in
            guard let cursor = Int64(value), cursor > 0 else {
                throw QueryProblem.invalid("cursor", "the next_cursor of a previous page")
            }
            return cursor
        }
    }
}

/// The body of `POST /units/{code}/inbox/read` and `.../acknowledge`: the items to mark.
struct InboxMarkBody: Decodable {
    var ids: [Int64]

    /// The ids, or a 422 problem when there are none or too many.
    func checked() throws -> [Int64] {
        guard (1...ReadInbox.maximumPageSize).contains(ids.count) else {
            throw JSONBody.invalid(
                "ids: from 1 to \(ReadInbox.maximumPageSize) item ids",
                findings: [FieldFinding(field: "ids", detail: "from 1 to \(ReadInbox.maximumPageSize) item ids")])
        }
        return ids
    }
}

/// What a mark request changed.
struct InboxMarkView: Encodable {
    var changed: [Int64]
}
