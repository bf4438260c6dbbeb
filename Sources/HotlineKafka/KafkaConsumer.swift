import Dispatch
public import Logging
import Synchronization

/// A consumer-group member that hands out batches and commits only what its owner says is done.
///
/// Creating a consumer only checks its configuration: its librdkafka client is created and
/// subscribed by the first `poll`, from its owner's run loop, and joins the group there. Every
/// blocking librdkafka call (poll, commit, close) runs on the consumer's own serial dispatch
/// queue, never on Swift's cooperative pool, and never two at once.
public final class KafkaConsumer: Sendable {
    private enum State {
        /// Not subscribed yet.
        case idle
        /// The client exists and is subscribed to the topics.
        case subscribed(RDKafkaClient)
        /// Closed or abandoned; every call fails.
        case closed
    }

    private let properties: [String: String]
    /// Where the group starts in a partition it has committed nothing in (`auto.offset.reset`).
    private let startsFromEarliest: Bool
    private let topics: [String]
    /// How long the member may wait for an assignment before it joins again (`KafkaConsumerConfiguration.joinStallLimit`).
    private let joinStallLimit: Duration
    private let rebalances: RebalanceObserver
    private let queue: DispatchQueue
    private let logger: Logger
    /// Changed only on `queue`.
    private let state = Mutex(State.idle)
    /// The next offset this member committed in each partition, for `lag()`.
    private let committed = Mutex<[KafkaTopicPartition: Int64]>([:])

    /// Checks `configuration`; throws when librdkafka rejects a setting. Starts nothing.
    public init(configuration: KafkaConsumerConfiguration, logger: Logger) throws {
        self.properties = configuration.properties
        self.startsFromEarliest = configuration.properties["auto.offset.reset"] != "latest"
        self.topics = configuration.topics
        self.joinStallLimit = configuration.joinStallLimit
        self.rebalances = RebalanceObserver(logger: logger)
        self.queue = DispatchQueue(label: "kafka-consumer.\(configuration.groupId)")
        self.logger = logger
        try RDKafkaClient.validate(properties)
    }

    /// Waits up to `timeout` for a first message, then takes whatever else is ready, up to
    /// `maxMessages`. An empty result means nothing arrived in time. The first call subscribes;
    /// a call that finds the member waiting for the group longer than `joinStallLimit`, or
    /// holding nothing that long while its topics have partitions, joins again with a new client.
    /// A partition where the group's committed offset lies past the partition's end is read from
    /// its start (`RebalanceObserver.startsPastTheEnd`).
    public func poll(maxMessages: Int, timeout: Duration) async throws -> [KafkaConsumedMessage] {
        try await queue.performBlocking { [self] in
            if let waited = rebalances.assignmentWait, waited > joinStallLimit {
                rejoinAfterStalledJoin(waited: waited)
            } else if let idle = rebalances.idleWait, idle > joinStallLimit {
                rejoinIfTopicsHavePartitions(idle: idle)
            }
            let client = try client(subscribing: true)
            let messages = client.consume(maxMessages: maxMessages, firstWait: timeout) { error in
                logger.warning("Kafka consumer error", metadata: ["error": "\(error)"])
            }
            let pastTheEnd = rebalances.startsPastTheEnd(
                consumed: Set(messages.map { KafkaTopicPartition(topic: $0.topic, partition: $0.partition) }),
                watermarks: client.cachedWatermarks(of:))
            if !pastTheEnd.isEmpty {
                // Not thrown: the batch holds messages of other partitions, which must reach the caller.
                do { try client.seekToStart(pastTheEnd) } catch {
                    logger.error(
                        "could not move to the start of partitions read past their end",
                        metadata: ["partitions": "\(pastTheEnd)", "error": "\(error)"])
                }
            }
            return messages
        }
    }

    /// Drops a client whose group join never completed, as a killed process would (the group
    /// forgets it after the session timeout), so that the next poll subscribes afresh. Call on `queue`.
    private func rejoinAfterStalledJoin(waited: Duration) {
        guard let stalled = detachClient() else { return }
        logger.error(
            "the consumer group gave this member no partitions in time; joining again with a new client",
            metadata: ["waited_seconds": "\(waited.components.seconds)", "topics": "\(topics)"])
        stalled.destroy(leavingGroup: false)
    }

    /// Drops the client, without leaving the group, when the member has held nothing for `idle`
    /// while the broker lists partitions of its topics, so that the next poll subscribes afresh.
    /// A group that formed while its topics were missing (a broker that came back empty, before
    /// `hotline topics create` ran) assigns nothing, and librdkafka does not join again when the
    /// topics return with the partition counts they had: only a new client sees them. The member
    /// does not leave: on the local broker, a group leader that leaves while the group is forming
    /// leaves the group waiting for its assignment without end (docs/reliability.md), whereas a
    /// member that goes silent is dropped after the session timeout. Call on `queue`.
    private func rejoinIfTopicsHavePartitions(idle: Duration) {
        guard case .subscribed(let client) = state.withLock({ $0 }) else { return }
        let partitions: Int
        do {
            let counts = try client.partitionCounts(timeout: Self.metadataTimeout)
            partitions = topics.reduce(0) { $0 + (counts[$1] ?? 0) }
        } catch {
            logger.warning("Kafka metadata request failed", metadata: ["error": "\(error)"])
            rebalances.stillIdle()
            return
        }
        guard partitions > 0 else {
            rebalances.stillIdle()
            return
        }
        rebalances.rejoiningWhileIdle()
        logger.warning(
            "this member has held no partitions while its topics have some; joining again with a new client",
            metadata: [
                "idle_seconds": "\(idle.components.seconds)", "topics": "\(topics)", "partitions": "\(partitions)",
            ])
        detachClient()?.destroy(leavingGroup: false)
    }

    /// How long the idle check waits for the broker's list of topics.
    static let metadataTimeout: Duration = .seconds(2)

    /// Takes the subscribed client out of the consumer, which becomes idle again. Call on `queue`.
    private func detachClient() -> RDKafkaClient? {
        state.withLock { state in
            guard case .subscribed(let client) = state else { return nil }
            state = .idle
            return client
        }
    }

    /// How long a commit waits for the broker's answer before it fails (and the next batch's commit
    /// carries the offsets again).
    static let commitTimeout: Duration = .seconds(10)

    /// Commits the position after the last of `messages` in each partition, waiting for the
    /// broker's answer at most `commitTimeout`.
    public func commit(_ messages: [KafkaConsumedMessage]) async throws {
        var next: [KafkaTopicPartition: Int64] = [:]
        for message in messages {
            let partition = KafkaTopicPartition(topic: message.topic, partition: message.partition)
            next[partition] = max(next[partition] ?? 0, message.offset + 1)
        }
        guard !next.isEmpty else { return }
        try await queue.performBlocking { [self, next] in
            try client(subscribing: false).commit(next, timeout: Self.commitTimeout)
        }
        committed.withLock { $0.merge(next) { old, new in max(old, new) } }
    }

    /// How many messages this member is behind in each partition it holds: the high watermark
    /// the last fetch reported minus the offset committed there. That offset is the one this
    /// member committed, else its position (the next message it hands out), else, before it has
    /// read anything, the group's committed offset asked of the broker once (or where the group
    /// starts without one). Partitions no fetch has reported on yet are absent.
    public func lag() async -> [KafkaTopicPartition: Int64] {
        let held = rebalances.assignment
        return await queue.performBlocking { [self] in
            guard case .subscribed(let client) = state.withLock({ $0 }), !held.isEmpty else { return [:] }
            let watermarks = Dictionary(
                held.compactMap { partition in client.cachedWatermarks(of: partition).map { (partition, $0) } },
                uniquingKeysWith: { first, _ in first })
            let positions = client.positions(Array(held))
            var done = committed.withLock { committed in
                committed = committed.filter { held.contains($0.key) }
                return committed
            }
            let unread = watermarks.keys.filter { done[$0] == nil && positions[$0] == nil }
            if !unread.isEmpty, let group = try? client.committedOffsets(unread, timeout: Self.lagQueryTimeout) {
                var starts: [KafkaTopicPartition: Int64] = [:]
                for partition in unread {
                    let bounds = watermarks[partition]!
                    starts[partition] = group[partition] ?? (startsFromEarliest ? bounds.low : bounds.high)
                }
                committed.withLock { $0.merge(starts) { own, _ in own } }
                done.merge(starts) { own, _ in own }
            }
            var lag: [KafkaTopicPartition: Int64] = [:]
            for (partition, bounds) in watermarks {
                guard let offset = done[partition] ?? positions[partition] else { continue }
                lag[partition] = max(0, bounds.high - offset)
            }
            return lag
        }
    }

    /// How long `lag()` waits for the broker when it asks for the group's committed offsets.
    static let lagQueryTimeout: Duration = .seconds(1)

    /// The partitions this member holds now.
    public var assignment: Set<KafkaTopicPartition> {
        rebalances.assignment
    }

    /// How long `close` waits for the group to let the member go before it frees the client
    /// without leaving (the group then drops the member after its session timeout).
    static let closeTimeout: Duration = .seconds(8)

    /// Leaves the group without committing anything, and frees the client; never waits much
    /// longer than `closeTimeout`, whatever state the group is in.
    public func close() async {
        await queue.performBlocking { [self] in
            if let client = takeClient() { leaveAndFree(client) }
        }
    }

    /// Leaves the group, waiting at most `closeTimeout`, and frees `client`. Call on `queue`.
    private func leaveAndFree(_ client: RDKafkaClient) {
        var left = false
        do {
            left = try client.closeConsumer(timeout: Self.closeTimeout)
            if !left {
                logger.warning("the consumer group did not let this member leave in time; leaving without it")
            }
        } catch {
            logger.warning("Kafka consumer close failed", metadata: ["error": "\(error)"])
        }
        client.destroy(leavingGroup: left)
    }

    /// Frees the client without leaving the group or committing, exactly as a killed process
    /// would; the group reassigns its partitions after the session timeout. For crash tests.
    package func abandon() async {
        await queue.performBlocking { [self] in
            guard let client = takeClient() else { return }
            client.destroy(leavingGroup: false)
        }
    }

    deinit {
        // Freeing a subscribed client leaves the group, which blocks: do it on the queue.
        if case .subscribed(let client) = state.withLock({ $0 }) {
            queue.async { client.destroy() }
        }
    }

    /// The subscribed client, subscribing first if `subscribing` and nothing is yet. Call on `queue`.
    private func client(subscribing: Bool) throws -> RDKafkaClient {
        try state.withLock { state in
            switch state {
            case .subscribed(let client):
                return client
            case .closed:
                throw KafkaError(code: 0, message: "the consumer is closed")
            case .idle where !subscribing:
                throw KafkaError(code: 0, message: "the consumer has not polled yet")
            case .idle:
                let client = try RDKafkaClient.makeConsumer(properties: properties, rebalances: rebalances)
                try client.subscribe(to: topics)
                rebalances.subscribed()
                state = .subscribed(client)
                return client
            }
        }
    }

    /// Marks the consumer closed and returns its client, if it had one. Call on `queue`.
    private func takeClient() -> RDKafkaClient? {
        state.withLock { state in
            defer { state = .closed }
            guard case .subscribed(let client) = state else { return nil }
            return client
        }
    }
}
