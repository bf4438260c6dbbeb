/// The librdkafka loaded at run time, for logs and status output.
public enum KafkaLibrary {
    /// E.g. `2.16.1`.
    public static var version: String { RDKafkaClient.versionString }

    /// Throws a clear error when the loaded librdkafka is older than 2.1.
    public static func checkVersion() throws { try RDKafkaClient.checkVersion() }
}
