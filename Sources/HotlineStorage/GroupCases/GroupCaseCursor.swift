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

    /// The opaque text form used as `next_cursor` (`TimeAndIdToken`).
    public var token: String { TimeAndIdToken.text(detectedAt, id) }

    /// Reads the text form; nil for anything else.
    public init?(token: String) {
        guard let parsed = TimeAndIdToken.parse(token) else { return nil }
        self.init(detectedAt: parsed.time, id: parsed.id)
    }
}
