import Foundation
import HotlineDomain
import Testing

/// Who sees and resolves a group case, what its joint resolution asks of each linked ticket,
/// and when the case counts as resolved.
@Suite("Group case rules")
struct GroupCaseRulesTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)
    static let township = "110105026"
    static let groupCase = GroupCase(
        id: UUID(), leafCode: "leaf", townshipCode: township, districtCode: "110105", state: .open, ticketCount: 10,
        firstAt: now, lastAt: now, detectedAt: now)

    static func handler(_ unit: String, _ kind: OrgUnit.Kind, district: String = "110105") -> Principal {
        Principal(tokenId: UUID(), name: "h", role: .handler, unitCode: unit, unitKind: kind, districtCode: district)
    }

    @Test("the city, the district's sub-center and the township see a case; others do not")
    func visibility() {
        let analyst = Principal(tokenId: UUID(), name: "a", role: .analyst, unitCode: nil)
        #expect(analyst.mayRead(Self.groupCase) && !analyst.mayResolve(Self.groupCase))
        #expect(Self.handler("110105", .subCenter).mayResolve(Self.groupCase))
        #expect(Self.handler(Self.township, .township).mayResolve(Self.groupCase))
        #expect(!Self.handler("110106", .subCenter, district: "110106").mayRead(Self.groupCase))
        #expect(!Self.handler("110105027", .township).mayRead(Self.groupCase))
        #expect(!Self.handler("110105:department:housing", .department).mayRead(Self.groupCase))
    }

    @Test("each ticket gets its own caller's feedback, else the default, and the shared result")
    func perTicketRequest() {
        let named = UUID()
        let resolution = GroupResolution(
            note: "trees sprayed", feedbackToCenter: "done", feedbackToCaller: "sprayed on Monday",
            feedbackToCallers: [named.uuidString.lowercased(): "sprayed your street first"])
        #expect(resolution.findings().isEmpty)
        #expect(resolution.request(for: named).feedbackToCaller == "sprayed your street first")
        #expect(resolution.request(for: UUID()).feedbackToCaller == "sprayed on Monday")
        #expect(resolution.request(for: named).note == "trees sprayed")
        #expect(resolution.request(for: named).feedbackToCenter == "done")
    }

    @Test("a body without result, with a bad key or a blank feedback is refused field by field")
    func findings() {
        let resolution = GroupResolution(
            note: nil, feedbackToCenter: "done", feedbackToCallers: ["not-an-id": "x", UUID().uuidString: " "])
        let fields = resolution.findings().map(\.field)
        #expect(fields.contains("note"))
        #expect(fields.contains("feedback_to_callers.not-an-id"))
        #expect(fields.count == 3)
    }

    @Test("a township resolves only the tickets it leads; states that cannot be resolved are refused")
    func decide() throws {
        let resolution = GroupResolution(note: "r", feedbackToCenter: "c", feedbackToCaller: "f")
        let township = Self.handler(Self.township, .township)
        func ticket(_ state: TicketState, unit: String = Self.township) -> HandlingTicket {
            HandlingTicket(state: state, unitCode: unit, districtCode: "110105", urgency: .general)
        }
        let decision = try resolution.decide(on: ticket(.inProgress), id: UUID(), by: township, at: Self.now)
        #expect(decision.state == .resolved)
        #expect(decision.handled.action == .resolve)
        #expect(decision.changes.feedbackToCaller == "f")
        #expect(throws: HandlingRefusal.notYourPart) {
            try resolution.decide(on: ticket(.inProgress, unit: "other"), id: UUID(), by: township, at: Self.now)
        }
        #expect(throws: HandlingRefusal.illegalTransition(from: .dispatched)) {
            try resolution.decide(on: ticket(.dispatched), id: UUID(), by: township, at: Self.now)
        }
        let subCenter = Self.handler("110105", .subCenter)
        #expect(
            try resolution.decide(on: ticket(.handedUp, unit: "other"), id: UUID(), by: subCenter, at: Self.now).state
                == .resolved)
        let withoutDefault = GroupResolution(note: "r", feedbackToCenter: "c")
        #expect(throws: HandlingRefusal.self) {
            try withoutDefault.decide(on: ticket(.inProgress), id: UUID(), by: township, at: Self.now)
        }
    }

    @Test("a case is resolved once no linked ticket awaits its result")
    func settled() {
        #expect(GroupCaseState.settled(by: [.resolved, .closed, .answeredDirectly]) == .resolved)
        #expect(GroupCaseState.settled(by: [.resolved, .sentBack]) == .open)
        #expect(GroupCaseState.settled(by: [.resolved, .handedUp]) == .open)
    }
}
