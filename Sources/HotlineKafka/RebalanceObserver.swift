import Logging
import Synchronization

/// Remembers a consumer's current partition assignment as the group rebalances, and since when
/// the member has been waiting for the group to give it one; logs each change. `RDKafkaClient`
/// applies the change in librdkafka and then tells the observer.
///
/// Rebalances are served inside `consume`, between batches: a batch that was handed out has been
/// committed (or abandoned) before its partitions can be revoked, so nothing else needs undoing.
final class RebalanceObserver: Sendable {
    private let current = Mutex<Set<KafkaTopicPartition>>([])
    /// Set when the member subscribes or loses its partitions; cleared by the next assignment,
    /// even an empty one (a member of a group with more members than partitions).
    private let waitingSince = Mutex<ContinuousClock.Instant?>(nil)
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    /// The partitions the member holds now.
    var assignment: Set<KafkaTopicPartition> {
        current.withLock { $0 }
    }

    /// How long the member has been waiting for the group to assign it partitions; nil when the
    /// group has answered since it subscribed or last lost its partitions.
    var assignmentWait: Duration? {
        waitingSince.withLock { $0 }.map { ContinuousClock.now - $0 }
    }

    /// The member subscribed (again) and waits for its first assignment.
    func subscribed() {
        waitingSince.withLock { $0 = ContinuousClock.now }
    }

    /// The group gave the member `partitions`: in addition to what it held (`incrementally`, the
    /// cooperative protocol), or instead of it (the eager protocols).
    func assigned(_ partitions: [KafkaTopicPartition], incrementally: Bool, failure: KafkaError?) {
        current.withLock { current in
            if incrementally { current.formUnion(partitions) } else { current = Set(partitions) }
        }
        waitingSince.withLock { $0 = nil }
        log("Kafka partitions assigned", partitions, failure: failure)
    }

    /// The group took `partitions` back: only those (`incrementally`), or everything the member held.
    func revoked(_ partitions: [KafkaTopicPartition], incrementally: Bool, failure: KafkaError?) {
        current.withLock { current in
            if incrementally { current.subtract(partitions) } else { current = [] }
        }
        waitingSince.withLock { $0 = $0 ?? ContinuousClock.now }
        log("Kafka partitions revoked", partitions, failure: failure)
    }

    /// The rebalance failed; the member holds nothing until the next one.
    func lost(_ error: KafkaError) {
        current.withLock { $0 = [] }
        waitingSince.withLock { $0 = $0 ?? ContinuousClock.now }
        logger.error("Kafka rebalance failed", metadata: ["error": "\(error)"])
    }

    private func log(_ message: Logger.Message, _ partitions: [KafkaTopicPartition], failure: KafkaError?) {
        if let failure {
            logger.error("Kafka rebalance failed", metadata: ["error": "\(failure)"])
        }
        logger.info(message, metadata: ["partitions": "\(partitions.map(\.description).sorted())"])
    }
}
