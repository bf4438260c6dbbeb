import Foundation

/// The opaque text of a cursor that is a time and an id (`next_cursor` of lists ordered by
/// both): microseconds (PostgreSQL's precision), `_`, the id in lower case.
enum TimeAndIdToken {
    /// The text form of `time` and `id`.
    static func text(_ time: Date, _ id: UUID) -> String {
        "\(Int64((time.timeIntervalSince1970 * 1_000_000).rounded()))_\(id.uuidString.lowercased())"
    }

    /// The time and id `token` holds; nil for anything else.
    static func parse(_ token: String) -> (time: Date, id: UUID)? {
        let parts = token.split(separator: "_")
        guard parts.count == 2, let microseconds = Int64(parts[0]), let id = UUID(uuidString: String(parts[1])) else {
            return nil
        }
        return (Date(timeIntervalSince1970: Double(microseconds) / 1_000_000), id)
    }
}
