import Dispatch
public import Logging
public import ServiceLifecycle
import Synchronization

/// A batching producer whose `send` returns once the broker has confirmed every message (or
/// throws the first failure).
///
/// Creating a producer only checks its configuration. Its librdkafka client, and the dedicated
/// thread that serves delivery reports (never Swift's cooperative pool), start with `run()` or
/// with the first `send`, whichever comes first, so a producer used outside a service group
/// works too. As a `Service`, `run()` then waits for graceful shutdown and closes: it flushes
/// what is in flight and frees the client.
public final class KafkaProducer: Service, Sendable {
    private enum State {
        /// Nothing started yet.
        case idle
        /// The client exists and its poll thread serves delivery reports.
        case started(RDKafkaClient, PollThread)
        /// Closed; sends fail.
        case closed
    }

    private let properties: [String: String]
    private let logger: Logger
    /// Held while a message is handed to librdkafka, so that `close` never frees the client under a `send`.
    private let state = Mutex(State.idle)

    /// Checks `configuration`; throws when librdkafka rejects a setting. Starts nothing.
    public init(configuration: KafkaProducerConfiguration, logger: Logger) throws {
        self.properties = configuration.properties
        self.logger = logger
        try RDKafkaClient.validate(properties)
    }

    /// Starts the client and its poll thread, waits for graceful shutdown (or cancellation),
    /// then closes. Throws when the client cannot start; nothing is left running then.
    public func run() async throws {
        _ = try state.withLock { try start(&$0) }
        try? await gracefulShutdown()
        await close()
    }

    /// Produces `messages` and waits until every one is acknowledged; reports are in input order.
    @discardableResult
    public func send(_ messages: [KafkaOutgoingMessage]) async throws -> [KafkaDeliveryReport] {
        guard !messages.isEmpty else { return [] }
        let batch = DeliveryBatch(count: messages.count)
        for (index, message) in messages.enumerated() {
            let ticket = DeliveryTicket(batch: batch, index: index)
            do {
                try await enqueue(message, ticket: ticket)
            } catch {
                ticket.complete(.failure(error))
            }
        }
        return try await batch.reports()
    }

    /// Waits up to `flushTimeout` for in-flight messages, fails the sends of those still
    /// undelivered, stops the poll thread and frees the client; later sends fail.
    public func close(flushTimeout: Duration = .seconds(10)) async {
        let started: (RDKafkaClient, PollThread)? = state.withLock { state in
            defer { state = .closed }
            guard case .started(let client, let pollThread) = state else { return nil }
            return (client, pollThread)
        }
        guard let (client, pollThread) = started else { return }
        await DispatchQueue.global().performBlocking {
            client.flush(timeout: flushTimeout)
            client.purgeUndelivered()
            pollThread.stop()
            client.poll(timeout: .zero)  // serves the purged messages' reports
            client.destroy()
        }
        logger.debug("Kafka producer closed")
    }

    deinit {
        // The poll thread holds the client and frees it when it exits.
        state.withLock { state in
            if case .started(_, let pollThread) = state { pollThread.requestStop() }
        }
    }

    /// Hands `message` to librdkafka, starting the producer if needed; waits while the local
    /// queue is full.
    private func enqueue(_ message: KafkaOutgoingMessage, ticket: DeliveryTicket) async throws {
        while try state.withLock({ try start(&$0).produce(message, ticket: ticket) }) == .queueFull {
            // The queue drains as deliveries complete on the poll thread.
            try await Task.sleep(for: .milliseconds(1))
        }
    }

    /// The started client; creates it and its poll thread when nothing is started yet.
    private func start(_ state: inout State) throws -> RDKafkaClient {
        switch state {
        case .started(let client, _):
            return client
        case .closed:
            throw KafkaError(code: 0, message: "the producer is closed")
        case .idle:
            let client = try RDKafkaClient.makeProducer(properties: properties)
            state = .started(client, PollThread.start(polling: client, name: "kafka-producer-poll"))
            logger.debug("Kafka producer started")
            return client
        }
    }
}
