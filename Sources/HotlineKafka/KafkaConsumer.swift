import CRDKafka
import Dispatch
public import Logging

/// A consumer-group member that hands out batches and commits only what its owner says is done.
///
/// Every blocking librdkafka call (poll, commit, close) runs on the consumer's own serial
/// dispatch queue, never on Swift's cooperative pool, and never two at once.
public final class KafkaConsumer: Sendable {
    private let client: RDKafkaClient
    private let rebalances: RebalanceObserver
    private let queue: DispatchQueue
    private let logger: Logger

    /// Creates the member and subscribes it to the configured topics. It joins the group on the
    /// first `poll`.
    public init(configuration: KafkaConsumerConfiguration, logger: Logger) throws {
        let rebalances = RebalanceObserver(logger: logger)
        let opaque = Unmanaged.passUnretained(rebalances).toOpaque()
        self.client = try RDKafkaClient(kind: .consumer, properties: configuration.properties) { conf in
            rd_kafka_conf_set_opaque(conf, opaque)
            rd_kafka_conf_set_rebalance_cb(conf, RebalanceObserver.callback)
        }
        self.rebalances = rebalances
        self.queue = DispatchQueue(label: "kafka-consumer.\(configuration.groupId)")
        self.logger = logger
        rd_kafka_poll_set_consumer(client.handle)
        let topics = rd_kafka_topic_partition_list_new(Int32(configuration.topics.count))!
        defer { rd_kafka_topic_partition_list_destroy(topics) }
        for topic in configuration.topics {
            rd_kafka_topic_partition_list_add(topics, topic, RD_KAFKA_PARTITION_UA)
        }
        let code = rd_kafka_subscribe(client.handle, topics)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { throw RDKafkaClient.error(code) }
    }

    /// Waits up to `timeout` for a first message, then takes whatever else is ready, up to
    /// `maxMessages`. An empty result means nothing arrived in time.
    public func poll(maxMessages: Int, timeout: Duration) async throws -> [KafkaConsumedMessage] {
        let client = self.client
        let logger = self.logger
        let firstWait = timeout.milliseconds
        return try await onQueue {
            try client.ensureAlive()
            var batch: [KafkaConsumedMessage] = []
            var wait = firstWait
            while batch.count < maxMessages, let raw = rd_kafka_consumer_poll(client.handle, wait) {
                defer { rd_kafka_message_destroy(raw) }
                wait = 0
                let error = raw.pointee.err
                guard error == RD_KAFKA_RESP_ERR_NO_ERROR else {
                    if error != RD_KAFKA_RESP_ERR__PARTITION_EOF {
                        logger.warning("Kafka consumer error", metadata: ["error": "\(RDKafkaClient.error(error))"])
                    }
                    continue
                }
                batch.append(KafkaConsumedMessage(copying: raw))
            }
            return batch
        }
    }

    /// Commits, synchronously, the position after the last of `messages` in each partition.
    public func commit(_ messages: [KafkaConsumedMessage]) async throws {
        var next: [KafkaTopicPartition: Int64] = [:]
        for message in messages {
            let partition = KafkaTopicPartition(topic: message.topic, partition: message.partition)
            next[partition] = max(next[partition] ?? 0, message.offset + 1)
        }
        guard !next.isEmpty else { return }
        let positions = next
        let client = self.client
        try await onQueue {
            try client.ensureAlive()
            let list = rd_kafka_topic_partition_list_new(Int32(positions.count))!
            defer { rd_kafka_topic_partition_list_destroy(list) }
            for (partition, offset) in positions {
                rd_kafka_topic_partition_list_add(list, partition.topic, partition.partition).pointee.offset = offset
            }
            let code = rd_kafka_commit(client.handle, list, 0)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { throw RDKafkaClient.error(code) }
        }
    }

    /// The partitions this member holds now.
    public var assignment: Set<KafkaTopicPartition> {
        rebalances.assignment
    }

    /// Leaves the group without committing anything, and frees the client.
    public func close() async {
        let client = self.client
        try? await onQueue {
            try client.ensureAlive()
            _ = rd_kafka_consumer_close(client.handle)
            client.destroy()
        }
    }

    /// Frees the client without leaving the group or committing, exactly as a killed process
    /// would; the group reassigns its partitions after the session timeout. For crash tests.
    package func abandon() async {
        let client = self.client
        try? await onQueue {
            client.destroy(flags: RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE)
        }
    }

    private func onQueue<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}

extension KafkaConsumedMessage {
    /// Copies topic, position, key, value and headers out of a librdkafka message.
    init(copying raw: UnsafeMutablePointer<rd_kafka_message_t>) {
        let message = raw.pointee
        var headers: [KafkaHeader] = []
        var list: OpaquePointer?
        if rd_kafka_message_headers(raw, &list) == RD_KAFKA_RESP_ERR_NO_ERROR, let list {
            var index = 0
            var name: UnsafePointer<CChar>?
            var value: UnsafeRawPointer?
            var size = 0
            while rd_kafka_header_get_all(list, index, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR {
                headers.append(KafkaHeader(key: String(cString: name!), value: Self.bytes(value, size)))
                index += 1
            }
        }
        self.init(
            topic: String(cString: rd_kafka_topic_name(message.rkt)), partition: message.partition,
            offset: message.offset, key: Self.bytes(message.key, message.key_len),
            value: Self.bytes(message.payload, message.len), headers: headers)
    }

    private static func bytes(_ pointer: UnsafeRawPointer?, _ count: Int) -> [UInt8] {
        guard let pointer, count > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
}
