/// The wait between retries of a failing step: 100 ms, doubling up to 5 s, back to 100 ms after
/// a success.
struct RetryBackoff {
    private static let first = Duration.milliseconds(100)
    private static let longest = Duration.seconds(5)
    private var next = first

    /// Sleeps for the current wait (cancellation ends it early) and doubles the next one.
    mutating func wait() async {
        try? await Task.sleep(for: next)
        next = min(next * 2, Self.longest)
    }

    mutating func reset() {
        next = Self.first
    }
}
