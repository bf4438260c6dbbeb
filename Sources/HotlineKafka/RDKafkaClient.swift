import CRDKafka

/// The one place that calls librdkafka: it owns a client handle (`rd_kafka_t`), offers Swift
/// methods for what the producer, the consumer and the admin need, and copies every byte out of
/// C before returning. No other file of the module touches a C pointer.
///
/// Every method may block (they wait on the network or take locks inside librdkafka): callers
/// run them on a dedicated thread or dispatch queue, never on Swift's cooperative pool. The
/// exceptions are `produce`, which never waits, and `destroy`/`deinit`.
///
/// `@unchecked Sendable`: librdkafka documents `rd_kafka_t` as thread-safe; the only operation
/// that is not, destruction, happens exactly once, guarded by `destroyed`, and the owners
/// (`KafkaProducer`, `KafkaConsumer`, `KafkaAdmin`) call no method after it.
final class RDKafkaClient: @unchecked Sendable {
    /// The kind of handle librdkafka creates.
    enum Kind {
        case producer
        case consumer
    }

    /// What became of a message handed to `produce`.
    enum ProduceOutcome {
        /// librdkafka took it; its ticket completes when the broker answers.
        case enqueued
        /// The local queue is full; nothing was taken, try again once deliveries drain it.
        case queueFull
    }

    /// The oldest librdkafka that can talk to the brokers we run (2.0.x mis-parses tagged fields).
    static let minimumVersion: Int32 = 0x0201_0000

    private let handle: OpaquePointer
    /// The observer whose address the rebalance callback receives, kept alive as long as the handle.
    private let rebalances: RebalanceObserver?
    private let destroyed = AtomicFlag()

    private init(handle: OpaquePointer, rebalances: RebalanceObserver?) {
        self.handle = handle
        self.rebalances = rebalances
    }

    deinit {
        destroy()
    }

    // MARK: - Library

    /// The version string of the loaded librdkafka, e.g. `2.6.1`.
    static var versionString: String { String(cString: rd_kafka_version_str()) }

    /// Refuses to run on a librdkafka older than 2.1, with a message that says how to fix it.
    static func checkVersion() throws {
        guard rd_kafka_version() >= minimumVersion else {
            throw KafkaError(
                code: 0,
                message: "librdkafka \(versionString) is loaded, but 2.1 or newer is required; "
                    + "run `scripts/cluster install` (it places a newer librdkafka in .local/lib) "
                    + "or point LD_LIBRARY_PATH at a librdkafka >= 2.1")
        }
    }

    // MARK: - Creation

    /// Throws when librdkafka rejects one of `properties`; creates nothing.
    static func validate(_ properties: [String: String]) throws {
        rd_kafka_conf_destroy(try configuration(properties))
    }

    /// A handle of `kind` without callbacks, for administration and queries.
    static func make(_ kind: Kind, properties: [String: String]) throws -> RDKafkaClient {
        try make(kind, properties: properties, rebalances: nil) { _ in }
    }

    /// A producer whose delivery reports complete the `DeliveryTicket` each message carries.
    /// Reports are served by `poll`.
    static func makeProducer(properties: [String: String]) throws -> RDKafkaClient {
        try make(.producer, properties: properties, rebalances: nil) { configuration in
            rd_kafka_conf_set_dr_msg_cb(configuration) { _, message, _ in
                guard let message, let opaque = message.pointee._private else { return }
                let ticket = Unmanaged<DeliveryTicket>.fromOpaque(opaque).takeRetainedValue()
                let code = message.pointee.err
                ticket.complete(
                    code == RD_KAFKA_RESP_ERR_NO_ERROR
                        ? .success(
                            KafkaDeliveryReport(partition: message.pointee.partition, offset: message.pointee.offset))
                        : .failure(RDKafkaClient.error(code)))
            }
        }
    }

    /// A consumer-group member that applies its assignments as they change and tells `rebalances`.
    static func makeConsumer(properties: [String: String], rebalances: RebalanceObserver) throws -> RDKafkaClient {
        try make(.consumer, properties: properties, rebalances: rebalances) { configuration in
            rd_kafka_conf_set_opaque(configuration, Unmanaged.passUnretained(rebalances).toOpaque())
            rd_kafka_conf_set_rebalance_cb(configuration, rebalanceCallback)
        }
    }

    private static func make(
        _ kind: Kind, properties: [String: String], rebalances: RebalanceObserver?,
        configure: (OpaquePointer) -> Void
    ) throws -> RDKafkaClient {
        try checkVersion()
        let configuration = try configuration(properties)
        configure(configuration)
        var errorText = [CChar](repeating: 0, count: 512)
        // On success rd_kafka_new takes ownership of the configuration; on failure it stays ours.
        let type = kind == .producer ? RD_KAFKA_PRODUCER : RD_KAFKA_CONSUMER
        guard let handle = rd_kafka_new(type, configuration, &errorText, errorText.count) else {
            rd_kafka_conf_destroy(configuration)
            throw KafkaError(code: 0, message: "cannot create Kafka client: \(String(errorBuffer: errorText))")
        }
        return RDKafkaClient(handle: handle, rebalances: rebalances)
    }

    private static func configuration(_ properties: [String: String]) throws -> OpaquePointer {
        let configuration = rd_kafka_conf_new()!
        var errorText = [CChar](repeating: 0, count: 512)
        for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
            guard rd_kafka_conf_set(configuration, key, value, &errorText, errorText.count) == RD_KAFKA_CONF_OK else {
                rd_kafka_conf_destroy(configuration)
                throw KafkaError(code: 0, message: "invalid setting \(key): \(String(errorBuffer: errorText))")
            }
        }
        return configuration
    }

    /// Frees the handle, once. `leavingGroup` false frees a consumer without leaving its group
    /// or committing, exactly as a killed process would.
    func destroy(leavingGroup: Bool = true) {
        guard destroyed.setOnce() else { return }
        rd_kafka_destroy_flags(handle, leavingGroup ? 0 : RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE)
    }

    /// The bootstrap servers of the mock cluster this handle runs (`test.mock.num.brokers`), if any.
    var mockClusterBootstrapServers: String? {
        rd_kafka_handle_mock_cluster(handle).map { String(cString: rd_kafka_mock_cluster_bootstraps($0)) }
    }

    /// Creates a topic of `partitions` partitions in the mock cluster this handle runs.
    func createMockTopic(_ name: String, partitions: Int) throws {
        guard let cluster = rd_kafka_handle_mock_cluster(handle) else {
            throw KafkaError(code: 0, message: "the client runs no mock cluster")
        }
        if let failure = Self.failure(rd_kafka_mock_topic_create(cluster, name, Int32(partitions), 1)) {
            throw failure
        }
    }

    /// Makes the mock cluster's first broker answer its next `apiKey` request `delay` late.
    func delayNextMockRequest(apiKey: Int16, by delay: Duration) throws {
        guard let cluster = rd_kafka_handle_mock_cluster(handle) else {
            throw KafkaError(code: 0, message: "the client runs no mock cluster")
        }
        if let failure = Self.failure(
            hotline_mock_delay_next_request(cluster, 1, apiKey, delay.milliseconds))
        {
            throw failure
        }
    }

    // MARK: - Producer

    /// Hands `message` to librdkafka without waiting; `ticket` completes with its delivery report.
    func produce(_ message: KafkaOutgoingMessage, ticket: DeliveryTicket) throws -> ProduceOutcome {
        let opaque = Unmanaged.passRetained(ticket).toOpaque()
        let headers = rd_kafka_headers_new(message.headers.count)!
        for header in message.headers {
            header.value.withUnsafeBytes { bytes in
                _ = rd_kafka_header_add(headers, header.key, -1, bytes.baseAddress, bytes.count)
            }
        }
        let failure = message.topic.withCString { topic in
            message.key.withUnsafeBytes { key in
                message.value.withUnsafeBytes { value in
                    var fields = [rd_kafka_vu_t](repeating: rd_kafka_vu_t(), count: 6)
                    fields[0].vtype = RD_KAFKA_VTYPE_TOPIC
                    fields[0].u.cstr = topic
                    fields[1].vtype = RD_KAFKA_VTYPE_KEY
                    fields[1].u.mem.ptr = UnsafeMutableRawPointer(mutating: key.baseAddress)
                    fields[1].u.mem.size = key.count
                    fields[2].vtype = RD_KAFKA_VTYPE_VALUE
                    fields[2].u.mem.ptr = UnsafeMutableRawPointer(mutating: value.baseAddress)
                    fields[2].u.mem.size = value.count
                    fields[3].vtype = RD_KAFKA_VTYPE_HEADERS
                    fields[3].u.headers = headers
                    fields[4].vtype = RD_KAFKA_VTYPE_OPAQUE
                    fields[4].u.ptr = opaque
                    fields[5].vtype = RD_KAFKA_VTYPE_MSGFLAGS
                    fields[5].u.i = RD_KAFKA_MSG_F_COPY
                    return rd_kafka_produceva(handle, fields, fields.count)
                }
            }
        }
        guard let failure else { return .enqueued }  // librdkafka now owns the headers and the opaque
        rd_kafka_headers_destroy(headers)
        Unmanaged<DeliveryTicket>.fromOpaque(opaque).release()
        let error = Self.error(consuming: failure)
        guard error.code != RD_KAFKA_RESP_ERR__QUEUE_FULL.rawValue else { return .queueFull }
        throw error
    }

    /// Serves delivery reports and other callbacks, waiting up to `timeout` for one.
    func poll(timeout: Duration) {
        rd_kafka_poll(handle, timeout.milliseconds)
    }

    /// Waits up to `timeout` for every message in flight to be delivered (or to fail).
    func flush(timeout: Duration) {
        _ = rd_kafka_flush(handle, timeout.milliseconds)
    }

    /// Drops the messages still queued or in flight; their delivery reports, served by the next
    /// `poll`, fail them.
    func purgeUndelivered() {
        _ = rd_kafka_purge(handle, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT)
    }

    // MARK: - Consumer

    /// Routes the handle's events to the consumer queue and subscribes to `topics`; the member
    /// joins its group on the next `consume`.
    func subscribe(to topics: [String]) throws {
        rd_kafka_poll_set_consumer(handle)
        try Self.withPartitionList(topics.map { ($0, RD_KAFKA_PARTITION_UA) }) { list in
            let code = rd_kafka_subscribe(handle, list)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { throw Self.error(code) }
        }
    }

    /// Waits up to `firstWait` for a first message, then takes whatever else is ready, up to
    /// `maxMessages`. Errors the broker reports along the way go to `onError`.
    func consume(
        maxMessages: Int, firstWait: Duration, onError: (KafkaError) -> Void
    ) -> [KafkaConsumedMessage] {
        var batch: [KafkaConsumedMessage] = []
        var wait = firstWait.milliseconds
        while batch.count < maxMessages, let raw = rd_kafka_consumer_poll(handle, wait) {
            defer { rd_kafka_message_destroy(raw) }
            wait = 0
            let code = raw.pointee.err
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
                if code != RD_KAFKA_RESP_ERR__PARTITION_EOF { onError(Self.error(code)) }
                continue
            }
            batch.append(Self.message(copying: raw))
        }
        return batch
    }

    /// Commits the next offset to read in each partition and waits for the broker's answer, at
    /// most `timeout`. A commit librdkafka's own synchronous call would wait on without end (a
    /// broker that came back without the group's topics) fails after `timeout` instead, so the
    /// consumer keeps polling and can still stop; the offsets are committed again with the next batch.
    func commit(_ nextOffsets: [KafkaTopicPartition: Int64], timeout: Duration) throws {
        try Self.withPartitionList(nextOffsets.keys.map { ($0.topic, $0.partition) }) { list in
            for index in 0..<Int(list.pointee.cnt) {
                let element = list.pointee.elems[index]
                let partition = KafkaTopicPartition(topic: String(cString: element.topic), partition: element.partition)
                list.pointee.elems[index].offset = nextOffsets[partition]!
            }
            // The answer arrives as an event on a queue of this call's own, polled with a deadline.
            let answers = rd_kafka_queue_new(handle)!
            defer { rd_kafka_queue_destroy(answers) }
            let code = rd_kafka_commit_queue(handle, list, answers, nil, nil)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { throw Self.error(code) }
            guard let event = rd_kafka_queue_poll(answers, timeout.milliseconds) else {
                throw KafkaError(
                    code: RD_KAFKA_RESP_ERR__TIMED_OUT.rawValue, message: "the offset commit had no answer in time",
                    isRetriable: true)
            }
            defer { rd_kafka_event_destroy(event) }
            let result = rd_kafka_event_error(event)
            guard result == RD_KAFKA_RESP_ERR_NO_ERROR else { throw Self.error(result) }
        }
    }

    /// The consumer's position in each of `partitions`: the offset of the next message it will
    /// hand out; a partition where it has none yet (nothing fetched) is absent.
    func positions(_ partitions: [KafkaTopicPartition]) -> [KafkaTopicPartition: Int64] {
        Self.withPartitionList(partitions.map { ($0.topic, $0.partition) }) { list in
            guard rd_kafka_position(handle, list) == RD_KAFKA_RESP_ERR_NO_ERROR else { return [:] }
            return Self.offsets(in: list)
        }
    }

    /// The low and high watermarks of `partition` (its first offset, and the offset after its
    /// last message) as the last fetch reported them, without asking the broker; nil before the
    /// first fetch.
    func cachedWatermarks(of partition: KafkaTopicPartition) -> (low: Int64, high: Int64)? {
        var low: Int64 = 0
        var high: Int64 = 0
        let code = rd_kafka_get_watermark_offsets(handle, partition.topic, partition.partition, &low, &high)
        return code == RD_KAFKA_RESP_ERR_NO_ERROR && low >= 0 && high >= 0 ? (low, high) : nil
    }

    /// Leaves the group (revoking the assignment) without committing anything, serving what
    /// the close brings (rebalances; messages and errors are dropped) until the group lets the
    /// member go or `timeout` passes (librdkafka's synchronous close can wait without end on a
    /// group stuck mid-join). True when the member left.
    func closeConsumer(timeout: Duration) throws -> Bool {
        let events = rd_kafka_queue_new(handle)!
        defer { rd_kafka_queue_destroy(events) }
        if let error = rd_kafka_consumer_close_queue(handle, events) { throw Self.error(consuming: error) }
        let deadline = ContinuousClock.now + timeout
        while rd_kafka_consumer_closed(handle) == 0 {
            guard ContinuousClock.now < deadline else { return false }
            guard let event = rd_kafka_queue_poll(events, 100) else { continue }
            defer { rd_kafka_event_destroy(event) }
            if rd_kafka_event_type(event) == RD_KAFKA_EVENT_REBALANCE, let rebalances {
                Self.rebalance(
                    handle, code: rd_kafka_event_error(event), list: rd_kafka_event_topic_partition_list(event),
                    observer: rebalances)
            }
        }
        return true
    }

    /// librdkafka's rebalance callback: applies the change and tells the observer that the
    /// configuration's opaque points to. Runs inside `consume`, on the consumer's queue.
    private static let rebalanceCallback:
        @convention(c) (
            OpaquePointer?, rd_kafka_resp_err_t, UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?,
            UnsafeMutableRawPointer?
        ) -> Void = { handle, code, list, opaque in
            guard let handle, let opaque else { return }
            rebalance(
                handle, code: code, list: list,
                observer: Unmanaged<RebalanceObserver>.fromOpaque(opaque).takeUnretainedValue())
        }

    /// Applies one rebalance in librdkafka (an assignment, a revocation, or a failure that
    /// leaves the member without partitions) and tells `observer`.
    private static func rebalance(
        _ handle: OpaquePointer, code: rd_kafka_resp_err_t,
        list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?,
        observer: RebalanceObserver
    ) {
        let incremental = rd_kafka_rebalance_protocol(handle).map { String(cString: $0) } == "COOPERATIVE"
        let partitions = list.map(RDKafkaClient.partitions(in:)) ?? []
        switch code {
        case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
            let failure =
                incremental
                ? rd_kafka_incremental_assign(handle, list).map { RDKafkaClient.error(consuming: $0) }
                : RDKafkaClient.failure(rd_kafka_assign(handle, list))
            observer.assigned(
                partitions, incrementally: incremental, failure: failure,
                committed: partitions.isEmpty
                    ? [:] : (try? committedOffsets(of: handle, partitions, timeout: brokerQueryTimeout)) ?? [:])
        case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
            // Read before unassigning, which clears it.
            let lost = rd_kafka_assignment_lost(handle) != 0
            let failure =
                incremental
                ? rd_kafka_incremental_unassign(handle, list).map { RDKafkaClient.error(consuming: $0) }
                : RDKafkaClient.failure(rd_kafka_assign(handle, nil))
            observer.revoked(partitions, incrementally: incremental, lost: lost, failure: failure)
        default:
            _ = rd_kafka_assign(handle, nil)
            observer.lost(RDKafkaClient.error(code))
        }
    }

    /// How long an assignment waits for the group's committed offsets (for
    /// `RebalanceObserver.startsPastTheEnd`; without an answer it goes on unchecked), and a seek
    /// to a partition's start for the broker.
    static let brokerQueryTimeout: Duration = .seconds(1)

    /// Moves the consumer's position in `partitions` (held now) to their first message.
    func seekToStart(_ partitions: [KafkaTopicPartition]) throws {
        try Self.withPartitionList(partitions.map { ($0.topic, $0.partition) }) { list in
            for index in 0..<Int(list.pointee.cnt) { list.pointee.elems[index].offset = Self.offsetOfTheStart }
            if let error = rd_kafka_seek_partitions(handle, list, Self.brokerQueryTimeout.milliseconds) {
                throw Self.error(consuming: error)
            }
        }
    }

    /// `RD_KAFKA_OFFSET_BEGINNING`, which Swift does not import: a partition's first message.
    private static let offsetOfTheStart: Int64 = -2

    // MARK: - Administration and queries

    /// Creates `topics`; one that exists already is left as it is.
    func createTopics(_ topics: [KafkaTopicSpecification], timeout: Duration) throws {
        var errorText = [CChar](repeating: 0, count: 512)
        var requests: [OpaquePointer?] = []
        defer { requests.forEach { rd_kafka_NewTopic_destroy($0) } }
        for topic in topics {
            guard
                let request = rd_kafka_NewTopic_new(
                    topic.name, Int32(topic.partitions), Int32(topic.replicationFactor), &errorText, errorText.count)
            else {
                throw KafkaError(code: 0, message: "invalid topic \(topic.name): \(String(errorBuffer: errorText))")
            }
            requests.append(request)
            for (key, value) in topic.configuration {
                _ = rd_kafka_NewTopic_set_config(request, key, value)
            }
        }
        let replies = rd_kafka_queue_new(handle)
        defer { rd_kafka_queue_destroy(replies) }
        rd_kafka_CreateTopics(handle, &requests, requests.count, nil, replies)
        guard let event = rd_kafka_queue_poll(replies, timeout.milliseconds) else {
            throw KafkaError(
                code: 0, message: "no answer from the broker to CreateTopics within \(timeout)", isRetriable: true)
        }
        defer { rd_kafka_event_destroy(event) }
        if let failure = Self.failure(rd_kafka_event_error(event)) { throw failure }
        var count = 0
        let results = rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(event), &count)
        for result in UnsafeBufferPointer(start: results, count: count) {
            let code = rd_kafka_topic_result_error(result)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR || code == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS else {
                throw KafkaError(
                    code: code.rawValue,
                    message: "cannot create topic \(String(cString: rd_kafka_topic_result_name(result))): "
                        + String(cString: rd_kafka_topic_result_error_string(result) ?? rd_kafka_err2str(code)))
            }
        }
    }

    /// The broker's topics and their partition counts; throws when no broker answers in time.
    func partitionCounts(timeout: Duration) throws -> [String: Int] {
        var metadata: UnsafePointer<rd_kafka_metadata>?
        let code = rd_kafka_metadata(handle, 1, nil, &metadata, timeout.milliseconds)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else { throw Self.error(code) }
        defer { rd_kafka_metadata_destroy(metadata) }
        let topics = UnsafeBufferPointer(start: metadata.pointee.topics, count: Int(metadata.pointee.topic_cnt))
        return Dictionary(topics.map { (String(cString: $0.topic), Int($0.partition_cnt)) }) { first, _ in first }
    }

    /// The offsets the handle's consumer group (`group.id`) has committed in `partitions`; a
    /// partition where it has committed nothing is absent.
    func committedOffsets(
        _ partitions: [KafkaTopicPartition], timeout: Duration
    ) throws -> [KafkaTopicPartition: Int64] {
        try Self.committedOffsets(of: handle, partitions, timeout: timeout)
    }

    /// `committedOffsets(_:timeout:)` for a handle, as the rebalance callback has it.
    private static func committedOffsets(
        of handle: OpaquePointer, _ partitions: [KafkaTopicPartition], timeout: Duration
    ) throws -> [KafkaTopicPartition: Int64] {
        try withPartitionList(partitions.map { ($0.topic, $0.partition) }) { list in
            let code = rd_kafka_committed(handle, list, timeout.milliseconds)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { throw Self.error(code) }
            return Self.offsets(in: list)
        }
    }

    /// The valid (non-negative) offsets of `list`'s partitions, by partition.
    private static func offsets(
        in list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>
    ) -> [KafkaTopicPartition: Int64] {
        var offsets: [KafkaTopicPartition: Int64] = [:]
        for element in UnsafeBufferPointer(start: list.pointee.elems, count: Int(list.pointee.cnt))
        where element.offset >= 0 {
            offsets[KafkaTopicPartition(topic: String(cString: element.topic), partition: element.partition)] =
                element.offset
        }
        return offsets
    }

    /// The low and high watermarks (first offset, offset after the last message) of `partition`.
    func watermarks(of partition: KafkaTopicPartition, timeout: Duration) throws -> (low: Int64, high: Int64) {
        var low: Int64 = 0
        var high: Int64 = 0
        let code = rd_kafka_query_watermark_offsets(
            handle, partition.topic, partition.partition, &low, &high, timeout.milliseconds)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { throw Self.error(code) }
        return (low, high)
    }

    // MARK: - Copying out of C

    private static func withPartitionList<T>(
        _ entries: [(topic: String, partition: Int32)],
        _ body: (UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) throws -> T
    ) rethrows -> T {
        let list = rd_kafka_topic_partition_list_new(Int32(entries.count))!
        defer { rd_kafka_topic_partition_list_destroy(list) }
        for entry in entries {
            rd_kafka_topic_partition_list_add(list, entry.topic, entry.partition)
        }
        return try body(list)
    }

    private static func partitions(
        in list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>
    ) -> [KafkaTopicPartition] {
        UnsafeBufferPointer(start: list.pointee.elems, count: Int(list.pointee.cnt)).map {
            KafkaTopicPartition(topic: String(cString: $0.topic), partition: $0.partition)
        }
    }

    /// Copies topic, position, key, value and headers out of a librdkafka message.
    private static func message(copying raw: UnsafeMutablePointer<rd_kafka_message_t>) -> KafkaConsumedMessage {
        var headers: [KafkaHeader] = []
        var list: OpaquePointer?
        if rd_kafka_message_headers(raw, &list) == RD_KAFKA_RESP_ERR_NO_ERROR, let list {
            var name: UnsafePointer<CChar>?
            var value: UnsafeRawPointer?
            var size = 0
            while rd_kafka_header_get_all(list, headers.count, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR {
                headers.append(KafkaHeader(key: String(cString: name!), value: bytes(value, size)))
            }
        }
        let message = raw.pointee
        return KafkaConsumedMessage(
            topic: String(cString: rd_kafka_topic_name(message.rkt)), partition: message.partition,
            offset: message.offset, key: bytes(message.key, message.key_len),
            value: bytes(message.payload, message.len), headers: headers)
    }

    private static func bytes(_ pointer: UnsafeRawPointer?, _ count: Int) -> [UInt8] {
        guard let pointer, count > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    // MARK: - Errors

    /// A Swift error for a librdkafka response code.
    static func error(_ code: rd_kafka_resp_err_t, file: String = #fileID, line: Int = #line) -> KafkaError {
        KafkaError(
            code: code.rawValue, message: String(cString: rd_kafka_err2str(code)), isRetriable: isRetriable(code),
            file: file, line: line)
    }

    /// The error for `code`, or nil when it says that all went well.
    private static func failure(_ code: rd_kafka_resp_err_t, file: String = #fileID, line: Int = #line) -> KafkaError? {
        code == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : error(code, file: file, line: line)
    }

    /// A Swift error for an `rd_kafka_error_t`, which it destroys.
    private static func error(consuming error: OpaquePointer, file: String = #fileID, line: Int = #line) -> KafkaError {
        defer { rd_kafka_error_destroy(error) }
        return KafkaError(
            code: rd_kafka_error_code(error).rawValue, message: String(cString: rd_kafka_error_string(error)),
            isRetriable: rd_kafka_error_is_retriable(error) != 0, file: file, line: line)
    }

    private static func isRetriable(_ code: rd_kafka_resp_err_t) -> Bool {
        switch code {
        case RD_KAFKA_RESP_ERR__TRANSPORT, RD_KAFKA_RESP_ERR__TIMED_OUT, RD_KAFKA_RESP_ERR__QUEUE_FULL,
            RD_KAFKA_RESP_ERR__MSG_TIMED_OUT, RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT,
            RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION, RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE,
            RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS, RD_KAFKA_RESP_ERR_NOT_COORDINATOR,
            RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS, RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN:
            true
        default:
            false
        }
    }
}

extension String {
    /// The text librdkafka wrote into a NUL-terminated error buffer.
    fileprivate init(errorBuffer: [CChar]) {
        self.init(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
