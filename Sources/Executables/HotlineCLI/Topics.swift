import ArgumentParser
import HotlineDomain
import HotlineKafka
import HotlineRuntime

/// `hotline topics create|list`: the platform's Kafka topics.
struct Topics: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create or list the platform's Kafka topics.", subcommands: [Create.self, List.self])

    /// Creates every topic of `HotlineTopic` that is missing.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create the missing topics.")

        @Option(help: "Partitions per topic.") var partitions = 6
        @Option(help: "Replicas per partition (3 on a production cluster).") var replicationFactor = 1
        @Option(help: "The topics' min.insync.replicas (2 with three replicas); the broker's default when omitted.")
        var minInsyncReplicas: Int?
        @Flag(help: "Print nothing on success.") var quiet = false

        func run() async throws {
            let settings = HotlineSettings()
            let admin = KafkaAdmin(client: settings.kafkaClient("hotline-admin"))
            try await admin.createTopics(
                HotlineTopic.allCases.map {
                    KafkaTopicSpecification(
                        name: $0.name, partitions: partitions, replicationFactor: replicationFactor,
                        configuration: minInsyncReplicas.map { ["min.insync.replicas": String($0)] } ?? [:])
                })
            if !quiet { print("topics ready: \(HotlineTopic.allCases.map(\.name).joined(separator: ", "))") }
        }
    }

    /// Lists the broker's topics with their partition counts.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the broker's topics.")

        func run() async throws {
            let topics = try await KafkaAdmin(client: HotlineSettings().kafkaClient("hotline-admin")).listTopics()
            for (name, partitions) in topics.sorted(by: { $0.key < $1.key }) {
                print("\(name)\t\(partitions) partitions")
            }
        }
    }
}
