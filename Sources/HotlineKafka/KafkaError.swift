/// A failure reported by librdkafka or by this wrapper. Descriptions never contain message data.
public struct KafkaError: Error, Sendable, CustomStringConvertible {
    /// librdkafka's response error code, or 0 for errors of this wrapper.
    public let code: Int32
    /// librdkafka's text for the code, or the wrapper's explanation.
    public let message: String
    /// Whether the same call may succeed if tried again.
    public let isRetriable: Bool
    /// The source file where the error was raised.
    public let file: String
    /// The line in `file` where the error was raised.
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
