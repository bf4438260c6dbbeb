import Foundation
import HotlineDomain
import HotlineKafka
import HotlineRuntime
import Logging

/// Malformed messages for every topic a service consumes: not JSON, an unknown event type, and
/// a known type whose payload lacks its fields.
package enum PoisonMessages {
    /// Sends three malformed messages to every consumed topic; returns how many were sent.
    package static func send(settings: HotlineSettings) async throws -> Int {
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(client: settings.kafkaClient("hotline-faults")),
            logger: Observability.logger(for: "hotline-faults", level: .error))
        let topics = Set(HotlineServiceKind.allCases.flatMap(\.consumedTopics).map(\.name)).sorted()
        let bodies = [
            Array("not json at all".utf8),
            Array(
                #"{"id":"\#(UUID())","type":"ticket.teleported","schema_version":1,"ticket_id":"\#(UUID())","occurred_at":"2026-11-22T08:00:00.000Z","producer":"faults","payload":{}}"#
                    .utf8),
            Array(
                #"{"id":"\#(UUID())","type":"ticket.received","schema_version":1,"ticket_id":"\#(UUID())","occurred_at":"2026-11-22T08:00:00.000Z","producer":"faults","payload":{"number":7}}"#
                    .utf8),
        ]
        let messages = topics.flatMap { topic in
            bodies.map { KafkaOutgoingMessage(topic: topic, key: Array("poison".utf8), value: $0) }
        }
        try await producer.send(messages)
        await producer.close()
        return messages.count
    }
}
