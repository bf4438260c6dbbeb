import Foundation
import HotlineDomain
import Synchronization

/// A clock that stands still until the test moves it.
final class SettableClock: HotlineClock {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_796_270_400)) {
        current = Mutex(start)
    }

    func now() -> Date { current.withLock { $0 } }

    /// Moves the clock `seconds` forward (backward when negative).
    func advance(by seconds: TimeInterval) {
        current.withLock { $0.addTimeInterval(seconds) }
    }
}
