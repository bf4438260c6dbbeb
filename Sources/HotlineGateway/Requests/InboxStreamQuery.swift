public import HotlineDomain
public import Hummingbird

/// What `GET /units/{code}/inbox/stream` is asked for: the position to resume after (the
/// `Last-Event-ID` header, else the `last_event_id` query parameter for clients that cannot set
/// headers) and whether to stay open for live items (`live`, default true).
public struct InboxStreamQuery: Sendable {
    /// The position to resume after; nil to start with what comes from now on.
    public var after: InboxPosition?
    /// Whether the stream stays open for live items.
    public var live: Bool

    /// The query of `request`, or the 400 problem with it. The header wins over the query
    /// parameter: a reconnecting `EventSource` repeats its first URL and sends the newer id as the header.
    public init(_ request: Request) throws {
        let query = QueryReader(request)
        if let header = request.headers[.init("Last-Event-ID")!] {
            after = try Self.position(header, named: "Last-Event-ID")
        } else {
            after = try query.text("last_event_id").map { try Self.position($0, named: "last_event_id") }
        }
        switch try query.text("live") {
        case nil, "true": live = true
        case "false": live = false
        default: throw QueryProblem.invalid("live", "true or false")
        }
    }

    private static func position(_ text: String, named name: String) throws -> InboxPosition {
        guard let position = InboxPosition(text) else {
            throw ProblemDetails(
                .badRequest, type: "/problems/invalid-last-event-id", title: "Invalid Last-Event-ID",
                detail: "'\(name)' must be the id of an event of this stream (transaction-item, such as 1234-56)")
        }
        return position
    }
}
