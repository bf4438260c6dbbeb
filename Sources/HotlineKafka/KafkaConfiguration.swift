/// Settings shared by every Kafka client of the platform.
public struct KafkaClientConfiguration: Sendable {
    /// `bootstrap.servers`: comma-separated `host:port` list.
    public var bootstrapServers: String
    /// `client.id`: shows in broker logs; the service name is a good choice.
    public var clientId: String
    /// Any further librdkafka properties, set last so they override the defaults above.
    public var extraProperties: [String: String]

    public init(bootstrapServers: String, clientId: String, extraProperties: [String: String] = [:]) {
        self.bootstrapServers = bootstrapServers
        self.clientId = clientId
        self.extraProperties = extraProperties
    }

    /// `topic.metadata.refresh.interval.ms`: how often the client looks at the topics again. A
    /// consumer that subscribed while its topics were missing (a broker that came back empty,
    /// before `hotline topics create` ran) starts consuming at the next look; librdkafka's
    /// default of five minutes left such a consumer idle that long.
    public static let metadataRefreshMilliseconds = 10_000

    var baseProperties: [String: String] {
        [
            "bootstrap.servers": bootstrapServers, "client.id": clientId, "log.connection.close": "false",
            "topic.metadata.refresh.interval.ms": String(Self.metadataRefreshMilliseconds),
        ]
    }

    /// The base properties with the extra ones over them: a plain client's whole configuration.
    var properties: [String: String] {
        baseProperties.merging(extraProperties) { _, extra in extra }
    }
}

/// How a producer batches and confirms.
public struct KafkaProducerConfiguration: Sendable {
    public var client: KafkaClientConfiguration
    /// `linger.ms`: how long to wait to fill a batch.
    public var lingerMilliseconds: Int = 5
    /// `batch.num.messages`: most messages in one produce request.
    public var batchMessages: Int = 10_000
    /// `enable.idempotence`: exactly-once per partition within the producer's life. Off: a
    /// broker that loses its state (the local one restarts empty) fences an idempotent
    /// producer for good, which would stop a relay until its process restarts; the duplicates
    /// a plain retry can cause are harmless, as every consumer skips event ids it applied.
    public var idempotent: Bool = false
    /// `message.timeout.ms`: how long a message may wait for delivery before it fails.
    public var messageTimeoutMilliseconds: Int = 30_000
    /// `allow.auto.create.topics`: off, so that a producer never creates a topic with the
    /// broker's defaults. Topics come from `hotline topics create` with their own partition
    /// counts: when the local broker came back empty and met a relay before that command, the
    /// relay's topics got the broker's four partitions instead of six. Messages to a missing topic
    /// wait, then fail after `message.timeout.ms`, and their relay sends them again.
    public var createsMissingTopics: Bool = false

    public init(client: KafkaClientConfiguration) {
        self.client = client
    }

    var properties: [String: String] {
        var properties = client.baseProperties
        properties["linger.ms"] = String(lingerMilliseconds)
        properties["batch.num.messages"] = String(batchMessages)
        properties["enable.idempotence"] = idempotent ? "true" : "false"
        properties["acks"] = "all"
        properties["message.timeout.ms"] = String(messageTimeoutMilliseconds)
        properties["allow.auto.create.topics"] = createsMissingTopics ? "true" : "false"
        return properties.merging(client.extraProperties) { _, extra in extra }
    }
}

/// How a consumer-group member joins and commits. Offsets are never committed automatically:
/// the owner commits a batch after persisting it.
public struct KafkaConsumerConfiguration: Sendable {
    public var client: KafkaClientConfiguration
    /// `group.id`.
    public var groupId: String
    public var topics: [String]
    /// `session.timeout.ms`: a member silent this long is dropped and its partitions reassigned.
    /// Group joins take about half of it on the local broker, so keep it short there.
    public var sessionTimeoutMilliseconds: Int = 6_000
    /// `heartbeat.interval.ms`.
    public var heartbeatIntervalMilliseconds: Int = 1_000
    /// `fetch.wait.max.ms`: how long the broker may hold a fetch waiting for data. The local
    /// broker holds it the full time, so this bounds each hop's latency there.
    public var fetchWaitMaxMilliseconds: Int = 10
    /// `auto.offset.reset`: where a group with no committed offset starts.
    public var startFromEarliest: Bool = true
    /// How long a member may wait for the group to assign it partitions (after subscribing, or
    /// after losing its partitions in a rebalance) before it gives up on its client and joins
    /// again with a new one. Joins take 3 to 12 s on the local broker (longer when a killed
    /// member must first time out), and a few seconds on Kafka. Also how long a member may hold
    /// no partitions while the broker lists some for its topics before it leaves the group and
    /// joins again, once until it next loses an assignment (see `KafkaConsumer.poll`).
    public var joinStallLimit: Duration = .seconds(60)

    public init(client: KafkaClientConfiguration, groupId: String, topics: [String]) {
        self.client = client
        self.groupId = groupId
        self.topics = topics
    }

    var properties: [String: String] {
        var properties = client.baseProperties
        properties["group.id"] = groupId
        properties["enable.auto.commit"] = "false"
        properties["enable.auto.offset.store"] = "false"
        properties["enable.partition.eof"] = "false"
        properties["session.timeout.ms"] = String(sessionTimeoutMilliseconds)
        properties["heartbeat.interval.ms"] = String(heartbeatIntervalMilliseconds)
        properties["fetch.wait.max.ms"] = String(fetchWaitMaxMilliseconds)
        properties["auto.offset.reset"] = startFromEarliest ? "earliest" : "latest"
        return properties.merging(client.extraProperties) { _, extra in extra }
    }
}
