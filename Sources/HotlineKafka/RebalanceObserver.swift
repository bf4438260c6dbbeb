import Logging
import Synchronization

/// Remembers a consumer's current partition assignment as the group rebalances, and logs each
/// change. `RDKafkaClient` applies the change in librdkafka and then tells the observer.
///
/// Rebalances are served inside `consume`, between batches: a batch that was handed out has been
/// committed (or abandoned) before its partitions can be revoked, so nothing else needs undoing.
final class RebalanceObserver: Sendable {
    private let current = Mutex<Set<KafkaTopicPartition>>([])
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    /// The partitions the member holds now.
    var assignment: Set<KafkaTopicPartition> {
        current.withLock { $0 }
    }

    /// The group gave the member `partitions`: in addition to what it held (`incrementally`, the
    /// cooperative protocol), or instead of it (the eager protocols).
    func assigned(_ partitions: [KafkaTopicPartition], incrementally: Bool, failure: KafkaError?) {
        current.withLock { current in
            if incrementally { current.formUnion(partitions) } else { current = Set(partitions) }
        }
        log("Kafka partitions assigned", partitions, failure: failure)
    }

    /// The group took `partitions` back: only those (`incrementally`), or everything the member held.
    func revoked(_ partitions: [KafkaTopicPartition], incrementally: Bool, failure: KafkaError?) {
        current.withLock { current in
            if incrementally { current.subtract(partitions) } else { current = [] }
        }
        log("Kafka partitions revoked", partitions, failure: failure)
    }

    /// The rebalance failed; the member holds nothing until the next one.
    func lost(_ error: KafkaError) {
        current.withLock { $0 = [] }
        logger.error("Kafka rebalance failed", metadata: ["error": "\(error)"])
    }

    private func log(_ message: Logger.Message, _ partitions: [KafkaTopicPartition], failure: KafkaError?) {
        if let failure {
            logger.error("Kafka rebalance failed", metadata: ["error": "\(failure)"])
        }
        logger.info(message, metadata: ["partitions": "\(partitions.map(\.description).sorted())"])
    }
}
