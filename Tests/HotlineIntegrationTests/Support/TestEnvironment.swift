import Foundation
import HotlineDomain
import HotlineKafka
import Logging

/// Where the integration tests find the real PostgreSQL and broker: the same variables and
/// local defaults as the services (`make test` starts both before running the tests).
enum TestEnvironment {
    static func value(_ name: String, default fallback: String) -> String {
        ProcessInfo.processInfo.environment[name] ?? fallback
    }

    static var kafkaBrokers: String { value("HOTLINE_KAFKA_BROKERS", default: "127.0.0.1:59092") }

    static func kafkaClient(_ name: String) -> KafkaClientConfiguration {
        KafkaClientConfiguration(bootstrapServers: kafkaBrokers, clientId: name)
    }

    static let logger: Logger = {
        var logger = Logger(label: "hotline.tests")
        logger.logLevel = .warning
        return logger
    }()

    /// A topic name no other test uses.
    static func uniqueName(_ prefix: String) -> String {
        "\(prefix).\(UUID().uuidString.lowercased().prefix(12))"
    }

    /// Creates a fresh topic with `partitions` partitions.
    static func makeTopic(_ prefix: String, partitions: Int) async throws -> String {
        let name = uniqueName(prefix)
        try await KafkaAdmin(client: kafkaClient("tests-admin")).createTopics([
            KafkaTopicSpecification(name: name, partitions: partitions)
        ])
        return name
    }

    /// Creates the platform's topics once per test process. Suites run in parallel, and on a
    /// fresh broker two concurrent creations of one topic can fail; a single shared attempt
    /// (retried a few times) avoids the race.
    static func ensurePlatformTopics() async throws {
        try await platformTopics.value
    }

    private static let platformTopics = Task {
        var attempt = 0
        while true {
            do {
                return try await KafkaAdmin(client: kafkaClient("tests-admin"))
                    .createTopics(HotlineTopic.allCases.map { KafkaTopicSpecification(name: $0.name, partitions: 3) })
            } catch  where attempt < 4 {
                attempt += 1
                try await Task.sleep(for: .milliseconds(500 * attempt))
            }
        }
    }

    static func makeConsumer(group: String, topics: [String]) throws -> KafkaConsumer {
        try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(
                client: kafkaClient("tests-consumer"), groupId: group, topics: topics), logger: logger
        )
    }

    static func makeProducer() throws -> KafkaProducer {
        try KafkaProducer(
            configuration: KafkaProducerConfiguration(client: kafkaClient("tests-producer")), logger: logger)
    }
}

/// Raised when a test waits for something that never happens.
struct TimedOut: Error, CustomStringConvertible {
    var description: String
}

extension KafkaConsumer {
    /// Polls until `count` messages have arrived (never asking for more), or fails after `limit`.
    func collect(_ count: Int, within limit: Duration = .seconds(60)) async throws -> [KafkaConsumedMessage] {
        let deadline = ContinuousClock.now + limit
        var messages: [KafkaConsumedMessage] = []
        while messages.count < count {
            guard ContinuousClock.now < deadline else {
                throw TimedOut(description: "received \(messages.count) of \(count) messages")
            }
            messages += try await poll(maxMessages: count - messages.count, timeout: .milliseconds(200))
        }
        return messages
    }

    /// Everything that arrives within `duration`, polling all the while.
    func messages(arrivingWithin duration: Duration) async throws -> [KafkaConsumedMessage] {
        let deadline = ContinuousClock.now + duration
        var messages: [KafkaConsumedMessage] = []
        while ContinuousClock.now < deadline {
            messages += try await poll(maxMessages: 100, timeout: .milliseconds(200))
        }
        return messages
    }
}

/// `count` messages with keys and values `prefix-0`, `prefix-1`, ...
func numberedMessages(topic: String, count: Int, prefix: String = "m") -> [KafkaOutgoingMessage] {
    (0..<count).map { index in
        KafkaOutgoingMessage(
            topic: topic, key: Array("\(prefix)-\(index)".utf8), value: Array("\(prefix)-\(index)".utf8),
            headers: [KafkaHeader(key: "index", text: String(index))])
    }
}

extension KafkaConsumedMessage {
    var text: String { String(decoding: value, as: UTF8.self) }
}
