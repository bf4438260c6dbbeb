import HotlineKafka
import Logging

/// Clients of one mock cluster, and a quiet logger for them.
struct MockClusterClients {
    let cluster: KafkaMockCluster

    init() throws {
        cluster = try KafkaMockCluster()
    }

    static let logger: Logger = {
        var logger = Logger(label: "hotline.kafka-tests")
        logger.logLevel = .critical
        return logger
    }()

    func client(_ name: String, extraProperties: [String: String] = [:]) -> KafkaClientConfiguration {
        KafkaClientConfiguration(
            bootstrapServers: cluster.bootstrapServers, clientId: name, extraProperties: extraProperties)
    }

    func makeTopic(_ name: String, partitions: Int) throws {
        try cluster.createTopic(name, partitions: partitions)
    }

    func makeProducer(extraProperties: [String: String] = [:]) throws -> KafkaProducer {
        try KafkaProducer(
            configuration: KafkaProducerConfiguration(
                client: client("tests-producer", extraProperties: extraProperties)),
            logger: Self.logger)
    }

    func makeConsumer(
        group: String, topics: [String], extraProperties: [String: String] = [:], joinStallLimit: Duration? = nil
    ) throws -> KafkaConsumer {
        var configuration = KafkaConsumerConfiguration(
            client: client("tests-consumer", extraProperties: extraProperties), groupId: group, topics: topics)
        if let joinStallLimit { configuration.joinStallLimit = joinStallLimit }
        return try KafkaConsumer(configuration: configuration, logger: Self.logger)
    }
}

extension KafkaConsumer {
    /// Polls until `count` messages have arrived, or gives up after `limit`.
    func collect(_ count: Int, within limit: Duration = .seconds(30)) async throws -> [KafkaConsumedMessage] {
        let deadline = ContinuousClock.now + limit
        var messages: [KafkaConsumedMessage] = []
        while messages.count < count, ContinuousClock.now < deadline {
            messages += try await poll(maxMessages: count - messages.count, timeout: .milliseconds(200))
        }
        return messages
    }
}
