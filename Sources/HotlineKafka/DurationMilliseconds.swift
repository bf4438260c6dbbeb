extension Duration {
    /// The duration in whole milliseconds, as librdkafka takes its timeouts.
    var milliseconds: Int32 {
        Int32(components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000)
    }
}
