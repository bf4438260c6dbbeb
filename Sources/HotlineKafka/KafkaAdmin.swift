import CRDKafka
import Dispatch

/// Topic administration and broker reachability checks.
public struct KafkaAdmin: Sendable {
    private let client: KafkaClientConfiguration

    public init(client: KafkaClientConfiguration) {
        self.client = client
    }

    /// Creates the topics that do not exist yet; existing topics are left as they are.
    public func createTopics(_ topics: [KafkaTopicSpecification], timeout: Duration = .seconds(15)) async throws {
        let properties = client.properties
        let milliseconds = timeout.milliseconds
        try await Self.blocking {
            let client = try RDKafkaClient(kind: .producer, properties: properties)
            defer { client.destroy() }
            var errorText = [CChar](repeating: 0, count: 512)
            var requests: [OpaquePointer?] = []
            defer { requests.forEach { rd_kafka_NewTopic_destroy($0) } }
            for topic in topics {
                guard
                    let request = rd_kafka_NewTopic_new(
                        topic.name, Int32(topic.partitions), Int32(topic.replicationFactor), &errorText, errorText.count
                    )
                else {
                    throw KafkaError(code: 0, message: "invalid topic \(topic.name): \(String(errorBuffer: errorText))")
                }
                for (key, value) in topic.configuration {
                    _ = rd_kafka_NewTopic_set_config(request, key, value)
                }
                requests.append(request)
            }
            let replies = rd_kafka_queue_new(client.handle)
            defer { rd_kafka_queue_destroy(replies) }
            rd_kafka_CreateTopics(client.handle, &requests, requests.count, nil, replies)
            guard let event = rd_kafka_queue_poll(replies, milliseconds) else {
                throw KafkaError(
                    code: 0, message: "no answer from the broker to CreateTopics within \(timeout)", isRetriable: true)
            }
            defer { rd_kafka_event_destroy(event) }
            let code = rd_kafka_event_error(event)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { throw RDKafkaClient.error(code) }
            var count = 0
            let results = rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(event), &count)
            for index in 0..<count {
                let result = results![index]
                let code = rd_kafka_topic_result_error(result)
                guard code == RD_KAFKA_RESP_ERR_NO_ERROR || code == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS else {
                    throw KafkaError(
                        code: code.rawValue,
                        message: "cannot create topic \(String(cString: rd_kafka_topic_result_name(result))): "
                            + String(cString: rd_kafka_topic_result_error_string(result) ?? rd_kafka_err2str(code)))
                }
            }
        }
    }

    /// The names and partition counts of the broker's topics; throws when no broker answers.
    public func listTopics(timeout: Duration = .seconds(5)) async throws -> [String: Int] {
        let properties = client.properties
        let milliseconds = timeout.milliseconds
        return try await Self.blocking {
            let client = try RDKafkaClient(kind: .producer, properties: properties)
            defer { client.destroy() }
            var metadata: UnsafePointer<rd_kafka_metadata>?
            let code = rd_kafka_metadata(client.handle, 1, nil, &metadata, milliseconds)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else { throw RDKafkaClient.error(code) }
            defer { rd_kafka_metadata_destroy(metadata) }
            var topics: [String: Int] = [:]
            for index in 0..<Int(metadata.pointee.topic_cnt) {
                let topic = metadata.pointee.topics[index]
                topics[String(cString: topic.topic)] = Int(topic.partition_cnt)
            }
            return topics
        }
    }

    /// How many messages of `topics` the consumer group `group` has not committed yet, per
    /// topic: the sum over partitions of the high watermark minus the committed offset (the
    /// whole partition when the group has committed nothing there).
    public func consumerLag(
        group: String, topics: [String], timeout: Duration = .seconds(5)
    ) async throws -> [String: Int64] {
        let properties = client.properties.merging(["group.id": group]) { _, group in group }
        let milliseconds = timeout.milliseconds
        let partitionCounts = try await listTopics(timeout: timeout)
        return try await Self.blocking {
            let client = try RDKafkaClient(kind: .consumer, properties: properties)
            defer { client.destroy() }
            let list = rd_kafka_topic_partition_list_new(Int32(topics.count * 8))!
            defer { rd_kafka_topic_partition_list_destroy(list) }
            for topic in topics {
                for partition in 0..<Int32(partitionCounts[topic] ?? 0) {
                    rd_kafka_topic_partition_list_add(list, topic, partition)
                }
            }
            let code = rd_kafka_committed(client.handle, list, milliseconds)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { throw RDKafkaClient.error(code) }
            var lag: [String: Int64] = Dictionary(uniqueKeysWithValues: topics.map { ($0, 0) })
            for index in 0..<Int(list.pointee.cnt) {
                let element = list.pointee.elems[index]
                var low: Int64 = 0
                var high: Int64 = 0
                let watermarks = rd_kafka_query_watermark_offsets(
                    client.handle, element.topic, element.partition, &low, &high, milliseconds)
                guard watermarks == RD_KAFKA_RESP_ERR_NO_ERROR else { throw RDKafkaClient.error(watermarks) }
                let topic = String(cString: element.topic)
                // The local broker's watermarks can trail a just-committed offset: never below zero.
                lag[topic, default: 0] += max(0, high - (element.offset >= 0 ? element.offset : low))
            }
            return lag
        }
    }

    private static func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
