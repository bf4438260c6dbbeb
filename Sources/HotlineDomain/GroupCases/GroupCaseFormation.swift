public import Foundation

/// A group case (群体诉求) that a batch of just-classified tickets of one leaf and township
/// forms, when no case of theirs is open: decided as if the batch's tickets were linked one
/// after another, in the batch's order, each seeing the tickets classified before it.
///
/// A ticket sees every ungrouped ticket of its leaf and township received from `window` before
/// it on, later ones included (so the outcome does not depend on classification order), except
/// the batch's tickets that come after it. The first ticket that sees `threshold` of them forms
/// the case with all it sees; the batch's tickets after it join the case.
public struct GroupCaseFormation: Sendable, Equatable {
    /// A ticket and when it was received.
    public struct Ticket: Sendable, Equatable {
        public var id: UUID
        public var receivedAt: Date

        public init(id: UUID, receivedAt: Date) {
            self.id = id
            self.receivedAt = receivedAt
        }
    }

    /// The ticket whose classification formed the case.
    public var formedBy: Ticket
    /// The tickets the case holds when it forms, `formedBy` among them.
    public var members: [UUID]
    /// When its earliest member was received.
    public var firstAt: Date
    /// The batch's tickets after `formedBy`, which join the case as they are linked.
    public var joiners: [UUID]
    /// When its latest ticket was received.
    public var lastAt: Date

    /// The case `batch` forms among `ungrouped` (the tickets of the leaf and township that
    /// belong to no case, the batch's own included), or nil when no ticket reaches `threshold`.
    public static func decide(
        batch: [Ticket], ungrouped: [Ticket], threshold: Int, window: TimeInterval
    ) -> GroupCaseFormation? {
        var position: [UUID: Int] = [:]
        for (index, ticket) in batch.enumerated() where position[ticket.id] == nil { position[ticket.id] = index }
        for (index, ticket) in batch.enumerated() {
            let since = ticket.receivedAt.addingTimeInterval(-window)
            let seen = ungrouped.filter { other in
                other.receivedAt >= since && (position[other.id].map { $0 <= index } ?? true)
            }
            guard seen.count >= threshold else { continue }
            let members = Set(seen.map(\.id))
            let joiners = batch[(index + 1)...].filter { !members.contains($0.id) }
            return GroupCaseFormation(
                formedBy: ticket, members: seen.map(\.id),
                firstAt: seen.map(\.receivedAt).reduce(ticket.receivedAt, min),
                joiners: joiners.map(\.id),
                lastAt: joiners.map(\.receivedAt).reduce(ticket.receivedAt, max))
        }
        return nil
    }
}
