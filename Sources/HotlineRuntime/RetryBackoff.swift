/// The wait between retries of a failing step: 100 ms, doubling up to 5 s, back to 100 ms after
/// a success. Shared by the package's retry loops (the outbox relay, the consumers, the inbox feed).
package struct RetryBackoff {
    private static let first = Duration.milliseconds(100)
    private static let longest = Duration.seconds(5)
    private var next = first

    /// Starts at the shortest wait.
    package init() {}

    /// Sleeps for the current wait (cancellation ends it early) and doubles the next one.
    package mutating func wait() async {
        try? await Task.sleep(for: next)
        next = min(next * 2, Self.longest)
    }

    /// The next wait is the shortest again.
    package mutating func reset() {
        next = Self.first
    }
}
