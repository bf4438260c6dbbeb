import Foundation
import HotlineDomain
import Testing

/// A repeat request (重复诉求) goes back to the unit that handles its original, unless that
/// unit disowned it; complex and review-required tickets keep the catalog's route.
@Suite("Repeat dispatch rule")
struct RepeatDispatchTests {
    let reference = ReferenceFixtures.reference
    var rule: DispatchRule { DispatchRule(catalog: reference.catalog, subCenterConfidence: 0.5) }
    let originalId = UUID()
    static let handler = "110105:department:housing"

    var townshipLeaf: CatalogEntry {
        reference.catalog.leaves.first { $0.responsible == .township && $0.defaultUrgency == .general }!
    }

    func repeatRequest(urgency: UrgencyTier = .general, reviewRequired: Bool = false) -> TicketClassified {
        TicketClassified(
            categoryCode: townshipLeaf.code, urgency: urgency, confidence: 0.9, method: .model, districtCode: "110105",
            townshipCode: "110105026", reviewRequired: reviewRequired, repeatOf: originalId)
    }

    @Test("a repeat goes to the original's unit, marked as a repeat with its link")
    func backToHandler() throws {
        let original = RepeatOriginal(ticketId: originalId, unitCode: Self.handler, disowned: false)
        let dispatch = try #require(rule.decide(repeatRequest(), original: original))
        #expect(dispatch.unitCode == Self.handler)
        #expect(dispatch.occasion == .repeatRequest)
        #expect(dispatch.repeatOf == originalId)
        #expect(
            InboxRule.notices(for: dispatch) == [
                InboxNotice(unitCode: Self.handler, kind: .repeatRequest, note: dispatch.reason)
            ])
    }

    @Test("a repeat of a ticket its unit sent back or had excluded is dispatched as a new one")
    func disowned() throws {
        let original = RepeatOriginal(ticketId: originalId, unitCode: Self.handler, disowned: true)
        let dispatch = try #require(rule.decide(repeatRequest(), original: original))
        #expect(dispatch.unitCode == "110105026")
        #expect(dispatch.occasion == nil)
        #expect(dispatch.repeatOf == nil)
    }

    @Test("complex and review-required repeats keep today's route; an original never dispatched too")
    func keepsRoute() throws {
        let original = RepeatOriginal(ticketId: originalId, unitCode: Self.handler, disowned: false)
        #expect(try #require(rule.decide(repeatRequest(urgency: .complex), original: original)).unitCode == "110105")
        #expect(rule.decide(repeatRequest(reviewRequired: true), original: original) == nil)
        let undispatched = RepeatOriginal(ticketId: originalId, unitCode: nil, disowned: false)
        #expect(try #require(rule.decide(repeatRequest(), original: undispatched)).unitCode == "110105026")
    }

    @Test("facts about another ticket than the one repeated are ignored")
    func otherOriginal() throws {
        let other = RepeatOriginal(ticketId: UUID(), unitCode: Self.handler, disowned: false)
        #expect(try #require(rule.decide(repeatRequest(), original: other)).occasion == nil)
    }
}
