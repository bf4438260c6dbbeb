import Foundation
public import HotlineDomain
public import HotlineKafka
public import HotlineStorage
public import Logging
import Metrics
public import PostgresNIO
public import ServiceLifecycle

/// The consume loop every worker runs: take a batch, send poison to the dead-letter topic,
/// apply the rest in one transaction that also records the event ids, then commit offsets.
/// Events that belong on the consumer's topics but that its handler does not read (a
/// `ticket.answered` on the lifecycle topic, for the SLA timer) are passed over; only types
/// that belong on no topic it reads are poison.
///
/// Offsets are committed only after the transaction commits, so a crash at any point makes
/// Kafka redeliver the batch and the processed-events record turns the redelivery into a no-op.
/// When PostgreSQL fails, the same batch is retried until it succeeds or the service stops.
public struct EventConsumerService: Service {
    private let consumerName: String
    private let consumer: KafkaConsumer
    private let deadLetters: KafkaProducer
    private let database: PostgresClient
    private let handler: any EventBatchHandler
    /// The types that may arrive: those of the consumer's topics, and those the handler reads.
    private let readableTypes: Set<EventType>
    private let batchSize: Int
    private let logger: Logger
    private let spans: SpanRecorder?
    /// Rung after a batch commits, for the events the handler wrote to the outbox.
    private let doorbell: OutboxDoorbell?
    private let consumed: Counter
    private let deadLettered: Counter
    private let batchTimer: Metrics.Timer

    public init(
        consumerName: String, consumer: KafkaConsumer, deadLetters: KafkaProducer, database: PostgresClient,
        handler: any EventBatchHandler, topics: [HotlineTopic] = [], batchSize: Int, doorbell: OutboxDoorbell? = nil,
        spans: SpanRecorder? = nil, logger: Logger
    ) {
        self.spans = spans
        self.doorbell = doorbell
        self.consumerName = consumerName
        self.consumer = consumer
        self.deadLetters = deadLetters
        self.database = database
        self.handler = handler
        self.readableTypes = handler.acceptedTypes.union(EventType.allCases.filter { topics.contains($0.topic) })
        self.batchSize = batchSize
        self.logger = logger
        self.consumed = Counter(label: "hotline_events_consumed_total", dimensions: [("consumer", consumerName)])
        self.deadLettered = Counter(
            label: "hotline_events_dead_lettered_total", dimensions: [("consumer", consumerName)])
        self.batchTimer = Metrics.Timer(
            label: "hotline_consumer_batch_seconds", dimensions: [("consumer", consumerName)])
    }

    public func run() async throws {
        defer { logger.info("consumer stopped", metadata: ["consumer": "\(consumerName)"]) }
        var lag = ConsumerLagGauges(consumerName: consumerName)
        while !stopping {
            let batch = try await consumer.poll(maxMessages: batchSize, timeout: .milliseconds(200))
            await lag.refresh(from: consumer)
            guard !batch.isEmpty else { continue }
            let started = ContinuousClock.now
            guard try await process(batch) else { break }
            do {
                try await consumer.commit(batch)
            } catch {
                // The partitions may have moved to another member, which will see the batch
                // again and skip it by event id.
                logger.warning("offset commit failed", metadata: ["error": "\(error)"])
            }
            consumed.increment(by: batch.count)
            batchTimer.record(duration: ContinuousClock.now - started)
        }
        await consumer.close()
    }

    /// Dead-letters the poison and applies the rest; false when the service stopped first.
    private func process(_ batch: [KafkaConsumedMessage]) async throws -> Bool {
        var events: [ConsumedEvent] = []
        var poison: [KafkaOutgoingMessage] = []
        for message in batch {
            switch EventCodec.decode(message.value, accepting: readableTypes) {
            case .success(let event) where !handler.acceptedTypes.contains(event.metadata.type):
                continue
            case .success(let event):
                events.append(
                    ConsumedEvent(
                        event: event,
                        trace: message.header(EventHeaderName.traceparent).flatMap(TraceContext.init(traceparent:)),
                        bytes: message.value))
            case .failure(let reason):
                logger.warning(
                    "dead-lettering a message",
                    metadata: ["reason": "\(reason)", "topic": "\(message.topic)", "offset": "\(message.offset)"])
                poison.append(DeadLetters.message(for: message, reason: reason, consumer: consumerName))
            }
        }
        if !poison.isEmpty {
            guard try await retrying("dead-letter publish", { try await deadLetters.send(poison) }) else {
                return false
            }
            deadLettered.increment(by: poison.count)
        }
        guard !events.isEmpty else { return true }
        let started = Date()
        var applied: [ConsumedEvent] = []
        let done = try await retrying("batch transaction") {
            applied = try await database.transaction(logger: logger) { [events] connection in
                let fresh = try await ProcessedEvents.claim(
                    events.map(\.event.metadata.id), consumer: consumerName, on: connection, logger: logger)
                var seen = Set<UUID>()
                let toApply = events.filter {
                    fresh.contains($0.event.metadata.id) && seen.insert($0.event.metadata.id).inserted
                }
                if !toApply.isEmpty {
                    try await handler.apply(toApply, on: connection, logger: logger)
                }
                return toApply
            }
        }
        if done && !applied.isEmpty { doorbell?.ring() }
        if done, let spans { record(applied, into: spans, start: started, end: Date()) }
        return done
    }

    /// Each applied event's consumer span: from the batch's start to its commit.
    private func record(_ applied: [ConsumedEvent], into spans: SpanRecorder, start: Date, end: Date) {
        for consumed in applied {
            guard let span = consumed.span else { continue }
            let type = consumed.event.metadata.type
            spans.record(
                Span(
                    span, parent: consumed.trace, name: "\(consumerName) apply \(type.rawValue)", kind: .consumer,
                    start: start, end: end,
                    attributes: [
                        "messaging.system": "kafka", "messaging.destination.name": type.topic.name,
                        "messaging.consumer.group.name": consumerName,
                        "messaging.message.id": consumed.event.metadata.id.uuidString.lowercased(),
                        "hotline.ticket_id": consumed.event.metadata.ticketId.uuidString.lowercased(),
                    ]))
        }
    }

    /// Runs `work` until it succeeds (true) or the service is stopping (false).
    private func retrying(_ what: String, _ work: () async throws -> Void) async throws -> Bool {
        var backoff = RetryBackoff()
        while true {
            do {
                try await work()
                return true
            } catch {
                guard !stopping else { return false }
                logger.warning("\(what) failed; retrying", metadata: ["error": "\(String(reflecting: error))"])
                await backoff.wait()
            }
        }
    }

    private var stopping: Bool { Task.isShuttingDownGracefully || Task.isCancelled }
}
