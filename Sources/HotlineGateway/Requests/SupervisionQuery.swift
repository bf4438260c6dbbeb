import HotlineDomain
import HotlineServices
import HotlineStorage
import Hummingbird

/// The query of `GET /supervision`: level (`sub_center`, `center`), district, lead unit, page
/// size and the cursor of a previous page.
struct SupervisionQuery {
    var filter: SupervisionStore.Filter
    var limit: Int
    var cursor: TicketCursor?

    /// The query of `request`, or the problem with it.
    init(_ request: Request) throws {
        let query = QueryReader(request)
        filter = SupervisionStore.Filter(
            level: try query.choice("level", of: SupervisionLevel.self), districtCode: try query.text("district"),
            unitCode: try query.text("unit"))
        limit = try query.limit(maximum: SupervisionBoard.maximumPageSize, fallback: 50)
        cursor = try query.text("cursor").map { value in
            guard let cursor = TicketCursor(token: value) else {
                throw QueryProblem.invalid("cursor", "the next_cursor of a previous page")
            }
            return cursor
        }
    }
}
