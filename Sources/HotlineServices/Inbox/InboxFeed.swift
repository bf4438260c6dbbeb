public import HotlineDomain
import HotlineRuntime
public import HotlineStorage
public import Logging
public import ServiceLifecycle
import Synchronization

/// The one source of live inbox items in a gateway process: it listens for commits of inbox
/// items (`InboxCommitSignal`, one dedicated PostgreSQL connection), and on each, and every
/// `sweep` anyway (an item held back while an older transaction ran is released then), reads the
/// newly committed items of every unit after its own position in one query and hands each to the
/// followers of its unit. Clients cost no query of their own except their catch-up
/// (`FollowInbox`). A lost connection is re-opened with backoff; the feed then catches up from
/// its position, so nothing is skipped.
public final class InboxFeed: Service, Sendable {
    /// What a follower receives.
    public enum Event: Sendable, Equatable {
        /// An item of the followed unit, in commit order.
        case item(InboxItem)
        /// Nothing new: a keep-alive, sent to every follower every `heartbeat`.
        case heartbeat
    }

    /// The most events a follower's buffer holds; a follower that falls further behind is dropped.
    public static let defaultBufferLimit = 1_000

    private let inbox: any InboxRepository
    private let signal: any InboxCommitSignal
    private let logger: Logger
    private let bufferLimit: Int
    private let sweep: Duration
    private let heartbeat: Duration
    private let pageSize: Int
    private let startWait: Duration
    private let state = Mutex(InboxFanOut())

    /// A feed over `inbox`, woken by `signal` and every `sweep`, sending keep-alives every
    /// `heartbeat`, with buffers of `bufferLimit` events per follower, reading `pageSize` items
    /// per query; followers wait at most `startWait` for the feed's first read.
    public init(
        inbox: any InboxRepository, signal: any InboxCommitSignal, logger: Logger,
        bufferLimit: Int = InboxFeed.defaultBufferLimit, sweep: Duration = .seconds(1),
        heartbeat: Duration = .seconds(15), pageSize: Int = 500, startWait: Duration = .seconds(10)
    ) {
        self.inbox = inbox
        self.signal = signal
        self.logger = logger
        self.bufferLimit = bufferLimit
        self.sweep = sweep
        self.heartbeat = heartbeat
        self.pageSize = pageSize
        self.startWait = startWait
    }

    /// Raised when the feed has not read where it starts within `startWait` (PostgreSQL was
    /// unreachable since the process started).
    public struct NotStarted: Error {}

    /// The live events of `unit` from now on: items the feed reads after this call, and
    /// keep-alives. The stream ends when the follower falls `bufferLimit` events behind or the
    /// feed stops; ending the iteration unsubscribes. Waits until the feed knows where it starts,
    /// so that a follower's catch-up and the feed's first items meet without a gap.
    public func follow(_ unit: String) async throws -> AsyncStream<Event> {
        let deadline = ContinuousClock.now + startWait
        while state.withLock({ $0.position == nil && !$0.closed }) {
            guard ContinuousClock.now < deadline else { throw NotStarted() }
            try await Task.sleep(for: .milliseconds(20))
        }
        let (events, follower) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .bufferingOldest(bufferLimit))
        guard let key = state.withLock({ $0.add(follower, of: unit) }) else {
            follower.finish()
            return events
        }
        follower.onTermination = { [weak self] _ in
            self?.state.withLock { $0.remove(key, of: unit) }
        }
        return events
    }

    /// How many clients follow an inbox now.
    public var followerCount: Int { state.withLock { $0.count } }

    /// Reads and hands out items until cancelled or shut down gracefully; then ends every follower's stream.
    public func run() async throws {
        defer { finish(state.withLock { $0.close() }) }
        let (wakes, waker) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { await self.listen(waking: waker) }
            group.addTask { await self.repeatEvery(self.sweep) { waker.yield() } }
            group.addTask {
                await self.repeatEvery(self.heartbeat) { self.finish(self.state.withLock { $0.heartbeat() }) }
            }
            waker.yield()
            for try await _ in wakes.cancelOnGracefulShutdown() {
                await catchUp()
            }
            group.cancelAll()
        }
    }

    /// Reads every committed item after the feed's position, page by page, and hands them out.
    /// A failed read is logged; the next wake retries from the same position.
    private func catchUp() async {
        do {
            var position = try await currentPosition()
            while !Task.isCancelled {
                let items = try await inbox.committed(after: position, unit: nil, limit: pageSize)
                finish(state.withLock { $0.publish(items) })
                guard let last = items.last, items.count == pageSize else { return }
                position = last.position
            }
        } catch {
            logger.warning("inbox feed: reading new items failed", metadata: ["error": "\(String(reflecting: error))"])
        }
    }

    /// The feed's position, set to the newest committed item at the first read.
    private func currentPosition() async throws -> InboxPosition {
        if let position = state.withLock({ $0.position }) { return position }
        let latest = try await inbox.latestPosition()
        state.withLock { $0.start(at: latest) }
        return latest
    }

    /// Listens for commits, waking the reader at each, until cancelled; re-opens a lost connection with backoff.
    private func listen(waking waker: AsyncStream<Void>.Continuation) async {
        var backoff = RetryBackoff()
        while !Task.isCancelled {
            let listening = Mutex(false)
            do {
                try await signal.listen {
                    listening.withLock { $0 = true }
                    waker.yield()
                }
            } catch {
                if !Task.isCancelled {
                    logger.warning(
                        "inbox feed: listening for commits failed", metadata: ["error": "\(String(reflecting: error))"])
                }
            }
            if listening.withLock({ $0 }) { backoff.reset() }
            await backoff.wait()
        }
    }

    /// Calls `action` every `interval` until cancelled.
    private func repeatEvery(_ interval: Duration, _ action: () -> Void) async {
        while (try? await Task.sleep(for: interval)) != nil {
            action()
        }
    }

    /// Ends the streams of `followers` (dropped or closed), outside the lock: ending one
    /// unsubscribes it, which takes the lock.
    private func finish(_ followers: [InboxFanOut.Follower]) {
        for follower in followers { follower.finish() }
    }
}
