/// A probability as the desk and the review queue show it: whole percent.
enum Percent {
    /// `probability` (0...1) as "87%".
    static func text(_ probability: Double) -> String {
        "\(Int((probability * 100).rounded()))%"
    }
}
