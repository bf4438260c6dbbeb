import Foundation
import HotlineDomain
import Testing

/// Who may see and act on which tickets (`Principal` in `HotlineDomain/Access`).
@Suite("Ticket access")
struct TicketAccessTests {
    static let township = "110105026"
    static let subCenter = "110105"
    static let housing = "110105:department:housing"

    static func caller(_ role: Role, unit: String? = nil) -> Principal {
        Principal(tokenId: UUID(), name: "caller", role: role, unitCode: unit)
    }

    /// A ticket led by the township in district 110105, helped by housing, waiting for the
    /// traffic department's report.
    static let ticket = HandlingTicket(
        state: .inProgress, unitCode: township, coUnitCodes: [housing], districtCode: "110105", urgency: .general,
        pendingWhistles: ["110105:department:traffic"])

    @Test(
        "operators, admins and analysts pass the scope check for every action",
        arguments: [Role.operator, .admin, .analyst])
    func centerRolesHandleAll(role: Role) {
        #expect(HandlingAction.allCases.allSatisfy { Self.caller(role).mayHandle($0, ticket: Self.ticket) })
    }

    @Test("the center's handlers act on every ticket")
    func centerHandlers() {
        let center = Self.caller(.handler, unit: OrgUnitCode.center)
        #expect(HandlingAction.allCases.allSatisfy { center.mayHandle($0, ticket: Self.ticket) })
        #expect(HandlingAction.allCases.allSatisfy { center.actsForCenter($0, ticket: Self.ticket) })
    }

    @Test("the lead unit acts on its ticket, but a report-in only when summoned")
    func leadUnit() {
        let lead = Self.caller(.handler, unit: Self.township)
        for action in HandlingAction.allCases where action != .reportIn {
            #expect(lead.mayHandle(action, ticket: Self.ticket), "\(action)")
        }
        #expect(!lead.mayHandle(.reportIn, ticket: Self.ticket))
    }

    @Test("a co-unit adds progress and nothing else")
    func coUnit() {
        let helper = Self.caller(.handler, unit: Self.housing)
        for action in HandlingAction.allCases {
            #expect(helper.mayHandle(action, ticket: Self.ticket) == (action == .addProgress), "\(action)")
        }
    }

    @Test("a summoned department reports in and nothing else")
    func summonedDepartment() {
        let traffic = Self.caller(.handler, unit: "110105:department:traffic")
        for action in HandlingAction.allCases {
            #expect(traffic.mayHandle(action, ticket: Self.ticket) == (action == .reportIn), "\(action)")
        }
    }

    @Test("another unit's handler and a handler without a unit act on nothing")
    func outsiders() {
        for outsider in [Self.caller(.handler, unit: "110101001"), Self.caller(.handler)] {
            #expect(HandlingAction.allCases.allSatisfy { !outsider.mayHandle($0, ticket: Self.ticket) })
        }
    }

    @Test("center actions: operators, admins, the center; the holding sub-center only re-dispatches")
    func centerActions() {
        var held = Self.ticket
        held.unitCode = Self.subCenter
        let subCenter = Self.caller(.handler, unit: Self.subCenter)
        #expect(subCenter.actsForCenter(.redispatch, ticket: held))
        for action in HandlingRules.centerActions where action != .redispatch {
            #expect(!subCenter.actsForCenter(action, ticket: held), "\(action)")
        }
        #expect(!subCenter.actsForCenter(.redispatch, ticket: Self.ticket), "not holding the ticket")
        var elsewhere = held
        elsewhere.districtCode = "110101"
        #expect(!subCenter.actsForCenter(.redispatch, ticket: elsewhere), "another district's ticket")
        #expect(!Self.caller(.handler, unit: Self.township).actsForCenter(.redispatch, ticket: Self.ticket))
        for role in [Role.operator, .admin] {
            #expect(HandlingRules.centerActions.allSatisfy { Self.caller(role).actsForCenter($0, ticket: held) })
        }
    }

    @Test("handlers read their unit's tickets (lead or co-unit), the center's handlers and other roles all")
    func reading() {
        let coUnits = [Self.housing]
        for reader in [
            Self.caller(.operator), Self.caller(.analyst), Self.caller(.admin),
            Self.caller(.handler, unit: OrgUnitCode.center), Self.caller(.handler, unit: Self.township),
            Self.caller(.handler, unit: Self.housing),
        ] {
            #expect(
                reader.mayRead(ledBy: Self.township, coUnitCodes: coUnits), "\(reader.role) \(reader.unitCode ?? "-")")
        }
        #expect(!Self.caller(.handler, unit: "110101001").mayRead(ledBy: Self.township, coUnitCodes: coUnits))
        #expect(!Self.caller(.handler).mayRead(ledBy: Self.township, coUnitCodes: coUnits))
    }

    @Test("handlers read only their own unit's queue; other roles any")
    func queues() {
        #expect(Self.caller(.handler, unit: Self.township).mayReadQueue(of: Self.township))
        #expect(!Self.caller(.handler, unit: Self.township).mayReadQueue(of: Self.housing))
        #expect(!Self.caller(.handler, unit: OrgUnitCode.center).mayReadQueue(of: Self.township))
        for role in [Role.operator, .analyst, .admin] { #expect(Self.caller(role).mayReadQueue(of: Self.township)) }
    }

    @Test("a handler's list is its unit's whatever it asks; other roles list what they ask")
    func listing() {
        #expect(Self.caller(.handler, unit: Self.township).listedUnit(asked: Self.housing) == Self.township)
        #expect(Self.caller(.handler, unit: Self.township).listedUnit(asked: nil) == Self.township)
        #expect(Self.caller(.operator).listedUnit(asked: Self.housing) == Self.housing)
        #expect(Self.caller(.analyst).listedUnit(asked: nil) == nil)
    }

    @Test("analysts see the caller's phone masked; everyone else sees it whole")
    func phoneMask() {
        #expect(Self.caller(.analyst).visiblePhone("13800138000") == "138****8000")
        #expect(
            Self.caller(.analyst).visiblePhone("010-65123456") == "***-****3456", "a landline keeps its last 4 only")
        #expect(Self.caller(.analyst).visiblePhone(nil) == nil)
        for role in [Role.operator, .handler, .admin] {
            #expect(Self.caller(role, unit: Self.township).visiblePhone("13800138000") == "13800138000")
        }
    }
}
