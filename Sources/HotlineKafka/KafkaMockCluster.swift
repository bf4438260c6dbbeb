/// librdkafka's in-process mock cluster (`test.mock.num.brokers`): brokers on local ports that
/// live as long as this value, for fast tests of the wrapper without a real broker.
package final class KafkaMockCluster: Sendable {
    /// The cluster belongs to this handle and stops when it is freed.
    private let owner: RDKafkaClient

    /// The `bootstrap.servers` that reach the cluster's brokers.
    package let bootstrapServers: String

    /// Starts a cluster of `brokers` brokers.
    package init(brokers: Int = 1) throws {
        owner = try RDKafkaClient.make(.producer, properties: ["test.mock.num.brokers": String(brokers)])
        guard let bootstrapServers = owner.mockClusterBootstrapServers else {
            throw KafkaError(code: 0, message: "librdkafka started no mock cluster")
        }
        self.bootstrapServers = bootstrapServers
    }

    /// Creates the topic `name` with `partitions` partitions (the mock brokers do not answer
    /// CreateTopics requests).
    package func createTopic(_ name: String, partitions: Int) throws {
        try owner.createMockTopic(name, partitions: partitions)
    }

    /// The Kafka protocol's JoinGroup request type.
    package static let joinGroupRequest: Int16 = 11

    /// Makes the cluster answer its next request of type `apiKey` only after `delay`, as a
    /// broker whose group coordinator is stuck would.
    package func delayNextRequest(apiKey: Int16, by delay: Duration) throws {
        try owner.delayNextMockRequest(apiKey: apiKey, by: delay)
    }
}
