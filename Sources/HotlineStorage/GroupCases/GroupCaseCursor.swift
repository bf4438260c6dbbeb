public import Foundation

/// Where the next page of group cases starts: the last case's detection time and id (cases are
/// listed newest first).
public struct GroupCaseCursor: Sendable, Equatable {
    public var detectedAt: Date
    public var id: UUID

    public init(detectedAt: Date, id: UUID) {
        self.detectedAt = detectedAt
        self.id = id
    }

    /// The opaque text form used as `next_cursor`: microseconds (PostgreSQL's precision) and id.
    public var token: String {
        "\(Int64((detectedAt.timeIntervalSince1970 * 1_000_000).rounded()))_\(id.uuidString.lowercased())"
    }

    /// Reads the text form; nil for anything else.
    public init?(token: String) {
        let parts = token.split(separator: "_")
        guard parts.count == 2, let microseconds = Int64(parts[0]), let id = UUID(uuidString: String(parts[1])) else {
            return nil
        }
        self.init(detectedAt: Date(timeIntervalSince1970: Double(microseconds) / 1_000_000), id: id)
    }
}
