/// An inbox item's place in commit order: the writing transaction's id, then the item's id.
/// A reader takes only items of transactions older than every transaction still running
/// (`pg_snapshot_xmin`), so no item can later appear before a position already passed: a
/// stream resumed from a position (`Last-Event-ID`) has neither gaps nor duplicates.
public struct InboxPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var transaction: Int64
    public var item: Int64

    public init(transaction: Int64, item: Int64) {
        self.transaction = transaction
        self.item = item
    }

    /// Before every item.
    public static let start = InboxPosition(transaction: 0, item: 0)

    /// `transaction-item`, the form sent as an SSE event id.
    public var description: String { "\(transaction)-\(item)" }

    /// Reads the `transaction-item` form; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let transaction = Int64(parts[0]), let item = Int64(parts[1]), transaction >= 0,
            item >= 0
        else { return nil }
        self.init(transaction: transaction, item: item)
    }

    public static func < (lhs: InboxPosition, rhs: InboxPosition) -> Bool {
        (lhs.transaction, lhs.item) < (rhs.transaction, rhs.item)
    }
}
