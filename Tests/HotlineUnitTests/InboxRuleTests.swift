import Foundation
import HotlineDomain
import Testing

/// Which units each event tells, and of what (`InboxRule`), and who may read and work an inbox.
@Suite("Inbox rule")
struct InboxRuleTests {
    static let township = "110105026"
    static let housing = "110105:department:housing"
    static let traffic = "110105:department:traffic"
    static let due = Date(timeIntervalSince1970: 1_795_000_000)

    static func handled(_ action: HandlingAction, unit: String? = township) -> TicketHandled {
        TicketHandled(
            action: action, state: .inProgress, unitCode: unit, actor: "a", actorRole: .handler,
            actorUnitCode: township)
    }

    static func kinds(_ notices: [InboxNotice]) -> [String] {
        notices.map { "\($0.unitCode) \($0.kind.rawValue)" }
    }

    @Test("a dispatch tells the lead unit and each co-unit once; the occasion names the lead's notice")
    func dispatch() {
        let first = TicketDispatched(
            unitCode: Self.township, coUnitCodes: [Self.housing, Self.township], urgency: .general, reason: "r")
        #expect(
            Self.kinds(InboxRule.notices(for: first)) == [
                "\(Self.township) dispatched", "\(Self.housing) co_dispatched",
            ])
        var reopened = first
        reopened.occasion = .reopen
        #expect(InboxRule.notices(for: reopened).first?.kind == .reopened)
        var repeated = first
        repeated.occasion = .repeatRequest
        #expect(InboxRule.notices(for: repeated).first?.kind == .repeatRequest)
        var redispatched = first
        redispatched.occasion = .redispatch
        #expect(InboxRule.notices(for: redispatched).first?.kind == .dispatched)
    }

    @Test("handling actions that another unit must act on notify it; the rest notify nobody")
    func handling() {
        var whistle = Self.handled(.whistle)
        whistle.departments = [Self.housing, Self.traffic]
        whistle.deadline = Self.due
        let summons = InboxRule.notices(for: whistle)
        #expect(Self.kinds(summons) == ["\(Self.housing) summoned", "\(Self.traffic) summoned"])
        #expect(summons.allSatisfy { $0.dueAt == Self.due })
        var sendBack = Self.handled(.sendBack)
        (sendBack.sentBackFrom, sendBack.sendBackTo) = (Self.township, "110105")
        #expect(Self.kinds(InboxRule.notices(for: sendBack)) == ["110105 sent_back"])
        var sendBackDecided = Self.handled(.decideSendBack, unit: "110105")
        (sendBackDecided.sentBackFrom, sendBackDecided.sendBackTo, sendBackDecided.approved) = (
            Self.township, "110105", true
        )
        #expect(
            InboxRule.notices(for: sendBackDecided) == [
                InboxNotice(unitCode: Self.township, kind: .sendBackDecided, note: "approved")
            ])
        var decided = Self.handled(.decideExclusion)
        decided.approved = true
        #expect(
            InboxRule.notices(for: decided) == [
                InboxNotice(unitCode: Self.township, kind: .exclusionDecided, note: "approved")
            ])
        var visit = Self.handled(.returnVisit)
        visit.solved = .not
        visit.satisfaction = .dissatisfied
        #expect(
            InboxRule.notices(for: visit) == [
                InboxNotice(unitCode: Self.township, kind: .returnVisit, note: "not,dissatisfied")
            ])
        for action in [HandlingAction.signFor, .assign, .addProgress, .resolve, .reopen, .redispatch, .handUp] {
            #expect(InboxRule.notices(for: Self.handled(action)).isEmpty, "\(action)")
        }
    }

    @Test("timers tell the unit; supervision tells the supervising unit too")
    func timers() {
        func fired(_ kind: SLAEventKind, day: Int? = nil, supervisor: String? = nil) -> [InboxNotice] {
            InboxRule.notices(
                for: SLATimerFired(
                    kind: kind, timer: "t", step: .finish, unitCode: Self.township, dueAt: Self.due, day: day,
                    supervisionLevel: supervisor == nil ? nil : .subCenter, supervisingUnitCode: supervisor))
        }
        #expect(
            fired(.reminder) == [
                InboxNotice(unitCode: Self.township, kind: .deadlineWarning, dueAt: Self.due, note: "finish")
            ])
        #expect(
            fired(.checkpoint, day: 3) == [
                InboxNotice(unitCode: Self.township, kind: .checkpoint, dueAt: Self.due, note: "day 3")
            ])
        #expect(
            Self.kinds(fired(.overdue, supervisor: "110105")) == ["\(Self.township) overdue", "110105 supervision"])
        #expect(Self.kinds(fired(.overdue, supervisor: Self.township)) == ["\(Self.township) overdue"])
        #expect(
            Self.kinds(fired(.escalated, supervisor: OrgUnitCode.center)) == [
                "\(Self.township) escalated", "110000 supervision",
            ])
        #expect(Self.kinds(fired(.meeting, day: 3)) == ["\(Self.township) meeting_agenda"])
    }

    @Test("a group request tells the township and its district's sub-center")
    func group() {
        let detected = GroupRequestDetected(
            groupRequestId: UUID(), leafCode: "URB0101", townshipCode: Self.township, ticketCount: 10,
            firstAt: Self.due, districtCode: "110105")
        #expect(Self.kinds(InboxRule.notices(for: detected)) == ["\(Self.township) group_case", "110105 group_case"])
        #expect(InboxRule.notices(for: TicketAnswered(articleId: "K1", answer: "a")).isEmpty)
    }

    @Test("an inbox is read within the scope and worked only by the unit's own handlers")
    func access() {
        let township = OrgUnit(code: Self.township, name: "t", kind: .township, districtCode: "110105")
        let other = OrgUnit(code: "110101001", name: "o", kind: .township, districtCode: "110101")
        let cityDepartment = OrgUnit(code: "110000:department:housing", name: "d", kind: .department)
        func handler(_ unit: String, _ kind: OrgUnit.Kind, _ district: String?) -> Principal {
            Principal(
                tokenId: UUID(), name: "h", role: .handler, unitCode: unit, unitKind: kind, districtCode: district)
        }
        let own = handler(Self.township, .township, "110105")
        let subCenter = handler("110105", .subCenter, "110105")
        let analyst = Principal(tokenId: UUID(), name: "a", role: .analyst, unitCode: nil)
        #expect(own.mayReadInbox(of: township) && !own.mayReadInbox(of: other))
        #expect(subCenter.mayReadInbox(of: township) && !subCenter.mayReadInbox(of: other))
        #expect(!subCenter.mayReadInbox(of: cityDepartment))
        #expect(analyst.mayReadInbox(of: other) && !analyst.mayWorkInbox(of: Self.township))
        #expect(own.mayWorkInbox(of: Self.township) && !subCenter.mayWorkInbox(of: Self.township))
    }

    @Test("positions order by transaction, then item, and read back from their text")
    func positions() {
        let early = InboxPosition(transaction: 7, item: 90)
        let late = InboxPosition(transaction: 8, item: 3)
        #expect(early < late && InboxPosition.start < early)
        #expect(InboxPosition(late.description) == late)
        for bad in ["", "7", "7-", "-3", "a-b", "7-3-1", "-1-2"] { #expect(InboxPosition(bad) == nil, "\(bad)") }
    }
}
