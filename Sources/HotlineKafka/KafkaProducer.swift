import CRDKafka
import Foundation
public import Logging
public import ServiceLifecycle

/// An idempotent, batching producer whose `send` returns once the broker has confirmed every
/// message (or throws the first failure).
///
/// Delivery reports are served by a dedicated poll thread, never by Swift's cooperative pool.
/// As a `Service`, `run()` waits for graceful shutdown and then flushes what is in flight.
public final class KafkaProducer: Service, Sendable {
    private let client: RDKafkaClient
    private let pollThreadDone = AtomicFlag()
    private let logger: Logger

    public init(configuration: KafkaProducerConfiguration, logger: Logger) throws {
        self.client = try RDKafkaClient(kind: .producer, properties: configuration.properties) { conf in
            rd_kafka_conf_set_dr_msg_cb(conf) { _, message, _ in
                guard let message, let opaque = message.pointee._private else { return }
                let ticket = Unmanaged<DeliveryTicket>.fromOpaque(opaque).takeRetainedValue()
                let error = message.pointee.err
                ticket.complete(
                    error == RD_KAFKA_RESP_ERR_NO_ERROR
                        ? .success(
                            KafkaDeliveryReport(partition: message.pointee.partition, offset: message.pointee.offset))
                        : .failure(RDKafkaClient.error(error)))
            }
        }
        self.logger = logger
        let client = self.client
        let done = pollThreadDone
        let thread = Thread {
            while !done.isRaised {
                rd_kafka_poll(client.handle, 50)
            }
        }
        thread.name = "kafka-producer-poll"
        thread.start()
    }

    /// Produces `messages` and waits until every one is acknowledged; reports are in input order.
    @discardableResult
    public func send(_ messages: [KafkaOutgoingMessage]) async throws -> [KafkaDeliveryReport] {
        guard !messages.isEmpty else { return [] }
        guard !pollThreadDone.isRaised else {
            throw KafkaError(code: 0, message: "the producer is closed")
        }
        return try await withCheckedThrowingContinuation { continuation in
            let batch = DeliveryBatch(count: messages.count, continuation: continuation)
            for (index, message) in messages.enumerated() {
                let ticket = DeliveryTicket(batch: batch, index: index)
                do {
                    try enqueue(message, ticket: ticket)
                } catch {
                    ticket.complete(.failure(error))
                }
            }
        }
    }

    /// Waits for shutdown, then flushes in-flight messages (up to 10 s) and frees the client.
    public func run() async throws {
        try? await gracefulShutdown()
        await close()
    }

    /// Flushes in-flight messages and frees the client; later sends fail.
    public func close() async {
        let client = self.client
        let done = pollThreadDone
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                rd_kafka_flush(client.handle, 10_000)
                _ = done.setOnce()
                continuation.resume()
            }
        }
        logger.debug("Kafka producer closed")
    }

    deinit {
        _ = pollThreadDone.setOnce()
    }

    private func enqueue(_ message: KafkaOutgoingMessage, ticket: DeliveryTicket) throws {
        let opaque = Unmanaged.passRetained(ticket).toOpaque()
        while true {
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
                        return rd_kafka_produceva(client.handle, fields, fields.count)
                    }
                }
            }
            guard let failure else { return }  // librdkafka now owns the headers and the opaque
            rd_kafka_headers_destroy(headers)
            let error = RDKafkaClient.consume(failure)
            if error.code == RD_KAFKA_RESP_ERR__QUEUE_FULL.rawValue && !pollThreadDone.isRaised {
                // The local queue drains as deliveries complete on the poll thread.
                usleep(1_000)
                continue
            }
            Unmanaged<DeliveryTicket>.fromOpaque(opaque).release()
            throw error
        }
    }
}
