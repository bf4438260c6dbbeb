extension Duration {
    /// The duration in seconds, for benchmarks' arithmetic and printing.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
