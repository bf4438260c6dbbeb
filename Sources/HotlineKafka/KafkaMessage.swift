/// A message header: a name and raw bytes.
public struct KafkaHeader: Sendable, Equatable {
    public var key: String
    public var value: [UInt8]

    public init(key: String, value: [UInt8]) {
        self.key = key
        self.value = value
    }

    public init(key: String, text: String) {
        self.init(key: key, value: Array(text.utf8))
    }
}

/// A message to produce.
public struct KafkaOutgoingMessage: Sendable {
    public var topic: String
    /// Messages with the same key go to the same partition, in order.
    public var key: [UInt8]
    public var value: [UInt8]
    public var headers: [KafkaHeader]

    public init(topic: String, key: [UInt8], value: [UInt8], headers: [KafkaHeader] = []) {
        self.topic = topic
        self.key = key
        self.value = value
        self.headers = headers
    }
}

/// A message read by a consumer, its bytes copied out of librdkafka.
public struct KafkaConsumedMessage: Sendable {
    public var topic: String
    public var partition: Int32
    public var offset: Int64
    public var key: [UInt8]
    public var value: [UInt8]
    public var headers: [KafkaHeader]

    public init(topic: String, partition: Int32, offset: Int64, key: [UInt8], value: [UInt8], headers: [KafkaHeader]) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
        self.headers = headers
    }

    /// The value of the first header named `key`, as UTF-8 text.
    public func header(_ key: String) -> String? {
        headers.first { $0.key == key }.map { String(decoding: $0.value, as: UTF8.self) }
    }
}

/// One partition of one topic.
public struct KafkaTopicPartition: Sendable, Hashable, CustomStringConvertible {
    public var topic: String
    public var partition: Int32

    public init(topic: String, partition: Int32) {
        self.topic = topic
        self.partition = partition
    }

    public var description: String { "\(topic)[\(partition)]" }
}

/// Where a produced message landed.
public struct KafkaDeliveryReport: Sendable, Equatable {
    public var partition: Int32
    public var offset: Int64
}

/// A topic to create.
public struct KafkaTopicSpecification: Sendable {
    public var name: String
    public var partitions: Int
    public var replicationFactor: Int
    /// Topic-level settings such as `min.insync.replicas` or `retention.ms`.
    public var configuration: [String: String]

    public init(name: String, partitions: Int, replicationFactor: Int = 1, configuration: [String: String] = [:]) {
        self.name = name
        self.partitions = partitions
        self.replicationFactor = replicationFactor
        self.configuration = configuration
    }
}
