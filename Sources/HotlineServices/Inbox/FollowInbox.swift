public import HotlineDomain
public import HotlineStorage
import ServiceLifecycle

/// A unit's inbox followed live (`GET /units/{code}/inbox/stream`): the items after a position
/// the client names (its `Last-Event-ID`), read page by page, then the items the process's one
/// `InboxFeed` hands out, without gaps or duplicates. The follower subscribes to the feed before
/// the catch-up is read and skips live items at or below the last position it sent, so an item
/// committed while the catch-up runs comes exactly once.
public struct FollowInbox: Sendable {
    /// Most items one catch-up query reads.
    public static let catchUpPageSize = 500

    private let reading: ReadInbox
    private let inbox: any InboxRepository
    private let feed: InboxFeed

    public init(reading: ReadInbox, inbox: any InboxRepository, feed: InboxFeed) {
        self.reading = reading
        self.inbox = inbox
        self.feed = feed
    }

    /// The inbox of `unit` for `principal` from after `position` (from now when nil); live unless
    /// `live` is false (then only the catch-up). Fails, before anything is sent, unless
    /// `principal` may read that inbox, or with `InboxFeed.NotStarted` while the feed cannot start.
    public func open(
        _ unit: String, after position: InboxPosition?, live: Bool, for principal: Principal
    ) async throws -> Following {
        try await reading.checkReadable(unit, by: principal)
        return Following(
            unit: unit, after: position, inbox: inbox, live: live ? try await feed.follow(unit) : nil)
    }

    /// One client's following of one inbox, subscribed to the feed when live.
    public struct Following: Sendable {
        let unit: String
        let after: InboxPosition?
        let inbox: any InboxRepository
        let live: AsyncStream<InboxFeed.Event>?

        /// Sends the catch-up, then the live events, to `send`, until the feed drops this follower
        /// (it fell behind), the feed or the server shuts down, or `send` throws (the client left).
        public func deliver(_ send: (InboxFeed.Event) async throws -> Void) async throws {
            var sent = after
            if let after {
                var position = after
                while true {
                    let page = try await inbox.committed(
                        after: position, unit: unit, limit: FollowInbox.catchUpPageSize)
                    for item in page { try await send(.item(item)) }
                    guard let last = page.last else { break }
                    position = last.position
                    sent = last.position
                    if page.count < FollowInbox.catchUpPageSize { break }
                }
            }
            guard let live else { return }
            for try await event in live.cancelOnGracefulShutdown() {
                if case .item(let item) = event, let sent, item.position <= sent { continue }
                try await send(event)
                if case .item(let item) = event { sent = item.position }
            }
        }
    }
}
