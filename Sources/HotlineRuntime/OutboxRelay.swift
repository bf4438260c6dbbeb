import Foundation
import HotlineDomain
public import HotlineKafka
import HotlineStorage
public import Logging
import Metrics
public import PostgresNIO
public import ServiceLifecycle

/// Publishes outbox rows to Kafka and stamps them published: one producer's rows (each
/// service's own relay), or rows any producer left unpublished too long (the reconciler's).
///
/// Each round claims a batch (advisory locks, see `OutboxStore.claimUnpublished`), sends it, waits for the broker's
/// acknowledgements and commits the stamp in the same transaction. Several relays of the same
/// producer can run: they claim disjoint rows. A crash after sending but before the commit
/// republishes the batch; consumers drop the duplicates by event id.
///
/// With `spans`, each traced row's publication is a producer span, child of the span that
/// recorded the row, and the message carries that span as its `traceparent`.
public struct OutboxRelay: Service {
    private let claim: OutboxStore.Claim
    private let database: PostgresClient
    private let kafka: KafkaProducer
    private let batchSize: Int
    private let idlePause: Duration
    private let doorbell: OutboxDoorbell?
    private let logger: Logger
    private let spans: SpanRecorder?
    private let published: Counter
    private let failures: Counter

    /// `idlePause`: how long to wait after a round that found nothing to send; with a
    /// `doorbell`, the wait ends as soon as one of the process's writers commits outbox rows.
    public init(
        _ claim: OutboxStore.Claim, database: PostgresClient, kafka: KafkaProducer, batchSize: Int,
        idlePause: Duration = .milliseconds(5), doorbell: OutboxDoorbell? = nil, spans: SpanRecorder? = nil,
        logger: Logger
    ) {
        self.spans = spans
        self.doorbell = doorbell
        self.claim = claim
        self.idlePause = idlePause
        self.database = database
        self.kafka = kafka
        self.batchSize = batchSize
        self.logger = logger
        let scope =
            switch claim {
            case .producer(let name): name
            case .abandoned: "abandoned"
            }
        self.published = Counter(label: "hotline_outbox_published_total", dimensions: [("producer", scope)])
        self.failures = Counter(label: "hotline_outbox_relay_failures_total", dimensions: [("producer", scope)])
    }

    /// Relays until graceful shutdown; idles briefly when there is nothing to send.
    public func run() async throws {
        var backoff = RetryBackoff()
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let count = try await relayOnce()
                backoff.reset()
                if count == 0 {
                    await idle()
                } else if count < batchSize {
                    try? await Task.sleep(for: .milliseconds(1))
                }
            } catch {
                failures.increment()
                logger.warning(
                    "outbox relay round failed; retrying", metadata: ["error": "\(String(reflecting: error))"])
                await backoff.wait()
            }
        }
    }

    /// Waits for the doorbell, or `idlePause` without one.
    private func idle() async {
        if let doorbell {
            await doorbell.wait(upTo: idlePause)
        } else {
            try? await Task.sleep(for: idlePause)
        }
    }

    /// One round: claims, publishes and stamps up to `batchSize` rows; returns how many.
    @discardableResult
    public func relayOnce() async throws -> Int {
        try await database.transaction(logger: logger) { connection in
            let rows = try await OutboxStore.claimUnpublished(claim, limit: batchSize, on: connection, logger: logger)
            guard !rows.isEmpty else { return 0 }
            let started = Date()
            let publications = rows.map { Publication($0.entry, traced: spans != nil) }
            try await kafka.send(publications.map { KafkaOutgoingMessage($0.entry) })
            try await OutboxStore.markPublished(rows.map(\.id), on: connection, logger: logger)
            published.increment(by: rows.count)
            if let spans {
                let ended = Date()
                for publication in publications { publication.record(into: spans, start: started, end: ended) }
            }
            return rows.count
        }
    }
}

/// One row's publication: the entry as sent, and with tracing its producer span.
private struct Publication {
    var entry: OutboxEntry
    /// The span that recorded the row, and the publication's own.
    var parent: TraceContext?
    var span: TraceContext?

    init(_ entry: OutboxEntry, traced: Bool) {
        self.entry = entry
        guard traced, let parent = entry.traceparent.flatMap(TraceContext.init(traceparent:)) else { return }
        var generator = SystemRandomNumberGenerator()
        let span = parent.child(using: &generator)
        (self.parent, self.span) = (parent, span)
        self.entry.traceparent = span.description
    }

    func record(into spans: SpanRecorder, start: Date, end: Date) {
        guard let span else { return }
        spans.record(
            Span(
                span, parent: parent, name: "publish \(entry.eventType)", kind: .producer, start: start, end: end,
                attributes: [
                    "messaging.system": "kafka", "messaging.destination.name": entry.topic,
                    "messaging.message.id": entry.eventId.uuidString.lowercased(), "hotline.producer": entry.producer,
                ]))
    }
}
