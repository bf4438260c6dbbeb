import CRDKafka
import Logging
import Synchronization

/// Applies the group's partition assignments as they change and remembers the current one.
///
/// Rebalances are served inside `poll`, between batches: a batch that was handed out has been
/// committed (or abandoned) before its partitions can be revoked, so nothing else needs undoing.
final class RebalanceObserver: Sendable {
    private let current = Mutex<Set<KafkaTopicPartition>>([])
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    var assignment: Set<KafkaTopicPartition> {
        current.withLock { $0 }
    }

    /// librdkafka's rebalance callback; the configuration's opaque is the observer.
    static let callback:
        @convention(c) (
            OpaquePointer?, rd_kafka_resp_err_t, UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?,
            UnsafeMutableRawPointer?
        ) -> Void = { handle, code, partitions, opaque in
            guard let handle, let opaque else { return }
            let observer = Unmanaged<RebalanceObserver>.fromOpaque(opaque).takeUnretainedValue()
            observer.rebalance(handle: handle, code: code, partitions: partitions)
        }

    private func rebalance(
        handle: OpaquePointer, code: rd_kafka_resp_err_t,
        partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
    ) {
        let cooperative = rd_kafka_rebalance_protocol(handle).map { String(cString: $0) } == "COOPERATIVE"
        let changed = partitions.map(Self.partitions(in:)) ?? []
        switch code {
        case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
            if cooperative {
                if let error = rd_kafka_incremental_assign(handle, partitions) {
                    logFailure(RDKafkaClient.consume(error))
                }
                current.withLock { $0.formUnion(changed) }
            } else {
                let result = rd_kafka_assign(handle, partitions)
                if result != RD_KAFKA_RESP_ERR_NO_ERROR { logFailure(RDKafkaClient.error(result)) }
                current.withLock { $0 = Set(changed) }
            }
            logger.info("Kafka partitions assigned", metadata: ["partitions": "\(changed.map(\.description).sorted())"])
        case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
            if cooperative {
                if let error = rd_kafka_incremental_unassign(handle, partitions) {
                    logFailure(RDKafkaClient.consume(error))
                }
                current.withLock { $0.subtract(changed) }
            } else {
                _ = rd_kafka_assign(handle, nil)
                current.withLock { $0 = [] }
            }
            logger.info("Kafka partitions revoked", metadata: ["partitions": "\(changed.map(\.description).sorted())"])
        default:
            _ = rd_kafka_assign(handle, nil)
            current.withLock { $0 = [] }
            logFailure(RDKafkaClient.error(code))
        }
    }

    private func logFailure(_ error: KafkaError) {
        logger.error("Kafka rebalance failed", metadata: ["error": "\(error)"])
    }

    private static func partitions(
        in list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>
    ) -> [KafkaTopicPartition] {
        let list = list.pointee
        return (0..<Int(list.cnt)).map { index in
            let element = list.elems[index]
            return KafkaTopicPartition(topic: String(cString: element.topic), partition: element.partition)
        }
    }
}
