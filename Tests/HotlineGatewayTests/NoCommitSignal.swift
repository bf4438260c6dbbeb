import HotlineStorage

/// A commit signal that never fires: the router tests do not run the inbox feed, and follow
/// inboxes only with `live=false`.
struct NoCommitSignal: InboxCommitSignal {
    func listen(_ signal: @escaping @Sendable () -> Void) async throws {}
}
