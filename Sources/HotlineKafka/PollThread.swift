import Dispatch
import Foundation

/// A dedicated thread that serves a producer's delivery reports by polling its client until
/// told to stop; librdkafka's blocking poll never runs on Swift's cooperative pool.
final class PollThread: Sendable {
    private let stopRequested = AtomicFlag()
    private let exited = DispatchSemaphore(value: 0)

    private init() {}

    /// Starts a thread named `name` that polls `client`, 50 ms at a time, and keeps it alive
    /// until the thread exits.
    static func start(polling client: RDKafkaClient, name: String) -> PollThread {
        let pollThread = PollThread()
        let (stopRequested, exited) = (pollThread.stopRequested, pollThread.exited)
        let thread = Thread {
            while !stopRequested.isRaised {
                client.poll(timeout: .milliseconds(50))
            }
            exited.signal()
        }
        thread.name = name
        thread.start()
        return pollThread
    }

    /// Asks the thread to stop after its current poll, without waiting.
    func requestStop() {
        _ = stopRequested.setOnce()
    }

    /// Stops the thread and waits until it has exited (after at most one more poll). Blocks;
    /// call it once.
    func stop() {
        requestStop()
        exited.wait()
    }
}
