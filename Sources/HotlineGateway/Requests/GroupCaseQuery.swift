import HotlineServices
import HotlineStorage
import Hummingbird

/// The query of `GET /group-cases`: page size and the cursor of the previous page.
struct GroupCaseQuery {
    var limit: Int
    var cursor: GroupCaseCursor?

    /// The query of `request`, or the problem with it.
    init(_ request: Request) throws {
        let query = QueryReader(request)
        limit = try query.limit(maximum: ReadGroupCases.maximumPageSize, fallback: 50)
        cursor = try query.text("cursor").map { value in
            guard let cursor = GroupCaseCursor(token: value) else {
                throw QueryProblem.invalid("cursor", "the next_cursor of a previous page")
            }
            return cursor
        }
    }
}
