public import HotlineDomain
public import HotlineKafka

/// Builds the dead-letter copy of a message no consumer can read: the original key, value and
/// headers, plus why and where it failed.
public enum DeadLetters {
    public static func message(
        for original: KafkaConsumedMessage, reason: PoisonReason, consumer: String
    ) -> KafkaOutgoingMessage {
        KafkaOutgoingMessage(
            topic: HotlineTopic.deadLetter.name, key: original.key, value: original.value,
            headers: original.headers + [
                KafkaHeader(key: EventHeaderName.deadLetterReason, text: reason.code),
                KafkaHeader(key: EventHeaderName.deadLetterDetail, text: String(reason.description.prefix(1_000))),
                KafkaHeader(
                    key: EventHeaderName.deadLetterSource,
                    text: "\(original.topic)/\(original.partition)/\(original.offset)"),
                KafkaHeader(key: EventHeaderName.deadLetterConsumer, text: consumer),
            ])
    }
}
