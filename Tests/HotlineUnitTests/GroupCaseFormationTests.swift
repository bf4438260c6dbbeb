import Foundation
import HotlineDomain
import Testing

/// A batch of just-classified tickets forms the group case that linking them one after another
/// would have formed.
@Suite("Group case formation in a batch")
struct GroupCaseFormationTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)
    static let day: TimeInterval = 86_400

    static func tickets(_ count: Int, from start: Date, step: TimeInterval = 60) -> [GroupCaseFormation.Ticket] {
        (0..<count).map {
            GroupCaseFormation.Ticket(id: UUID(), receivedAt: start.addingTimeInterval(Double($0) * step))
        }
    }

    @Test("twelve new tickets: the tenth forms the case of the first ten, the last two join it")
    func formsAtTheThreshold() throws {
        let batch = Self.tickets(12, from: Self.now)
        let formation = try #require(
            GroupCaseFormation.decide(batch: batch, ungrouped: batch, threshold: 10, window: Self.day))
        #expect(formation.formedBy == batch[9])
        #expect(formation.members == batch.prefix(10).map(\.id))
        #expect(formation.joiners == batch.suffix(2).map(\.id))
        #expect(formation.firstAt == batch[0].receivedAt && formation.lastAt == batch[11].receivedAt)
    }

    @Test("tickets classified before the batch count: eight of them and the batch's second reach ten")
    func earlierTicketsCount() throws {
        let earlier = Self.tickets(8, from: Self.now.addingTimeInterval(-3_600))
        let batch = Self.tickets(3, from: Self.now)
        let formation = try #require(
            GroupCaseFormation.decide(batch: batch, ungrouped: earlier + batch, threshold: 10, window: Self.day))
        #expect(formation.formedBy == batch[1])
        #expect(Set(formation.members) == Set(earlier.map(\.id) + batch.prefix(2).map(\.id)))
        #expect(formation.joiners == [batch[2].id])
        #expect(formation.firstAt == earlier[0].receivedAt)
    }

    @Test("a later ticket classified earlier counts; one received before the window does not")
    func window() throws {
        let old = GroupCaseFormation.Ticket(id: UUID(), receivedAt: Self.now.addingTimeInterval(-2 * Self.day))
        let later = Self.tickets(8, from: Self.now.addingTimeInterval(3_600))
        let batch = Self.tickets(1, from: Self.now)
        #expect(
            GroupCaseFormation.decide(batch: batch, ungrouped: [old] + later + batch, threshold: 10, window: Self.day)
                == nil, "nine tickets in the window, not ten")
        let one = GroupCaseFormation.Ticket(id: UUID(), receivedAt: Self.now.addingTimeInterval(7_200))
        let formation = try #require(
            GroupCaseFormation.decide(
                batch: batch, ungrouped: [old, one] + later + batch, threshold: 10, window: Self.day))
        #expect(!formation.members.contains(old.id) && formation.members.count == 10)
        #expect(formation.joiners.isEmpty && formation.lastAt == batch[0].receivedAt)
    }

    @Test("a batch ticket that comes later in the batch is not seen by the ones before it")
    func batchOrder() throws {
        let earlier = Self.tickets(9, from: Self.now.addingTimeInterval(-3_600))
        let batch = Self.tickets(2, from: Self.now).reversed().map { $0 }
        let formation = try #require(
            GroupCaseFormation.decide(batch: batch, ungrouped: earlier + batch, threshold: 10, window: Self.day))
        #expect(formation.formedBy == batch[0], "the first of the batch sees nine and itself")
        #expect(!formation.members.contains(batch[1].id) && formation.joiners == [batch[1].id])
    }
}
