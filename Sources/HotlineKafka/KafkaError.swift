/// A failure reported by librdkafka or by this wrapper. Descriptions never contain message data.
public struct KafkaError: Error, Sendable, CustomStringConvertible {
    /// librdkafka's `rd_kafka_resp_err_t` value, or 0 for errors of this wrapper.
    public let code: Int32
    /// librdkafka's text for the code, or the wrapper's explanation.
    public let message: String
    /// Whether the same call may succeed if tried again.
    public let isRetriable: Bool
    public let file: String
    public let line: Int

    init(code: Int32, message: String, isRetriable: Bool = false, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.isRetriable = isRetriable
        self.file = file
        self.line = line
    }

    public var description: String {
        "Kafka error \(code): \(message) (\(file):\(line))"
    }
}
