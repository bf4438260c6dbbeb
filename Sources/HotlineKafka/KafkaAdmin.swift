import Dispatch

/// Topic administration and broker reachability checks. Each call runs a short-lived client on a
/// dispatch queue, off Swift's cooperative pool, and frees it before returning.
public struct KafkaAdmin: Sendable {
    private let client: KafkaClientConfiguration

    public init(client: KafkaClientConfiguration) {
        self.client = client
    }

    /// Creates the topics that do not exist yet; existing topics are left as they are.
    public func createTopics(_ topics: [KafkaTopicSpecification], timeout: Duration = .seconds(15)) async throws {
        try await withClient(.producer, properties: client.properties) { client in
            try client.createTopics(topics, timeout: timeout)
        }
    }

    /// The names and partition counts of the broker's topics; throws when no broker answers.
    public func listTopics(timeout: Duration = .seconds(5)) async throws -> [String: Int] {
        try await withClient(.producer, properties: client.properties) { client in
            try client.partitionCounts(timeout: timeout)
        }
    }

    /// How many messages of `topics` the consumer group `group` has not committed yet, per
    /// topic: the sum over partitions of the high watermark minus the committed offset (the
    /// whole partition when the group has committed nothing there).
    public func consumerLag(
        group: String, topics: [String], timeout: Duration = .seconds(5)
    ) async throws -> [String: Int64] {
        let properties = client.properties.merging(["group.id": group]) { _, group in group }
        return try await withClient(.consumer, properties: properties) { client in
            let partitionCounts = try client.partitionCounts(timeout: timeout)
            let partitions = topics.flatMap { topic in
                (0..<Int32(partitionCounts[topic] ?? 0)).map { KafkaTopicPartition(topic: topic, partition: $0) }
            }
            let committed = try client.committedOffsets(partitions, timeout: timeout)
            var lag: [String: Int64] = Dictionary(uniqueKeysWithValues: topics.map { ($0, 0) })
            for partition in partitions {
                let (low, high) = try client.watermarks(of: partition, timeout: timeout)
                // The local broker's watermarks can trail a just-committed offset: never below zero.
                lag[partition.topic, default: 0] += max(0, high - (committed[partition] ?? low))
            }
            return lag
        }
    }

    private func withClient<T: Sendable>(
        _ kind: RDKafkaClient.Kind, properties: [String: String],
        _ work: @escaping @Sendable (RDKafkaClient) throws -> T
    ) async throws -> T {
        try await DispatchQueue.global().performBlocking {
            let client = try RDKafkaClient.make(kind, properties: properties)
            defer { client.destroy() }
            return try work(client)
        }
    }
}
