import Synchronization

/// A flag that can be raised once, from any thread.
final class AtomicFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    /// Raises the flag; true only for the caller that raised it.
    func setOnce() -> Bool {
        raised.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
    }

    var isRaised: Bool { raised.load(ordering: .acquiring) }
}
