import Foundation
import HotlineDomain
import Testing

/// The access matrix of `docs/security.md`, cell by cell, on the pure rules (`Principal.scope`,
/// `mayRead`, `callerData`, `mayHandle`, `actsForCenter`, `mayReadQueue`).
@Suite("Ticket access")
struct TicketAccessTests {
    static let district = "110105"
    static let township = "110105026"
    static let housing = "110105:department:housing"
    static let traffic = "110105:department:traffic"
    static let water = "110105:enterprise:water"
    static let community = "110105026001"

    /// Led by the township, helped by housing; traffic was summoned and has not reported in,
    /// the water company was summoned and has.
    static let ticket = HandlingTicket(
        state: .inProgress, unitCode: township, coUnitCodes: [housing], districtCode: district, urgency: .general,
        pendingWhistles: [traffic], summonedUnitCodes: [traffic, water], communityCode: community)

    /// One row of the matrix: a caller and what it may do with `ticket`.
    struct Row: Sendable, CustomStringConvertible {
        var description: String
        var principal: Principal
        var reads: Bool
        var whole: Bool
        var actions: Set<HandlingAction>
        /// The queues it may read, of those `queues` lists.
        var queues: Set<String>
    }

    static let unitActions = Set(HandlingAction.allCases).subtracting(HandlingRules.centerActions)
    static let everything = Set(HandlingAction.allCases)
    static let queues = [township, housing, traffic, district, "110101001", community]

    static func handler(_ unit: String?, _ kind: OrgUnit.Kind?, district: String?) -> Principal {
        Principal(tokenId: UUID(), name: "h", role: .handler, unitCode: unit, unitKind: kind, districtCode: district)
    }

    static let rows: [Row] = [
        Row(
            description: "operator", principal: Principal(tokenId: UUID(), name: "o", role: .operator, unitCode: nil),
            reads: true, whole: true, actions: everything, queues: Set(queues)),
        Row(
            description: "admin", principal: Principal(tokenId: UUID(), name: "a", role: .admin, unitCode: nil),
            reads: true, whole: true, actions: everything, queues: Set(queues)),
        Row(
            description: "analyst", principal: Principal(tokenId: UUID(), name: "n", role: .analyst, unitCode: nil),
            reads: true, whole: false, actions: [], queues: Set(queues)),
        Row(
            description: "center handler", principal: handler(OrgUnitCode.center, .center, district: nil), reads: true,
            whole: true, actions: everything, queues: Set(queues)),
        Row(
            description: "the district's sub-center", principal: handler(district, .subCenter, district: district),
            reads: true, whole: true, actions: [.redispatch, .consult, .decideSendBack], queues: Set(queues)),
        Row(
            description: "another district's sub-center", principal: handler("110101", .subCenter, district: "110101"),
            reads: false, whole: false, actions: [], queues: Set(queues)),
        Row(
            description: "lead township", principal: handler(township, .township, district: district), reads: true,
            whole: true, actions: unitActions.subtracting([.reportIn, .acceptHandUp, .returnHandUp]),
            queues: [township]),
        Row(
            description: "a township of the same district",
            principal: handler("110105001", .township, district: district),
            reads: false, whole: false, actions: [], queues: []),
        Row(
            description: "a township of another district",
            principal: handler("110101001", .township, district: "110101"), reads: false, whole: false, actions: [],
            queues: ["110101001"]),
        Row(
            description: "co-unit department", principal: handler(housing, .department, district: district),
            reads: true,
            whole: false, actions: [.addProgress], queues: [housing]),
        Row(
            description: "summoned department", principal: handler(traffic, .department, district: district),
            reads: true, whole: false, actions: [.reportIn], queues: [traffic]),
        Row(
            description: "summoned enterprise, reported in", principal: handler(water, .enterprise, district: district),
            reads: true, whole: false, actions: [], queues: []),
        Row(
            description: "a city department not involved",
            principal: handler("110000:department:housing", .department, district: nil), reads: false, whole: false,
            actions: [], queues: []),
        Row(
            description: "handler without a unit", principal: handler(nil, nil, district: nil), reads: false,
            whole: false, actions: [], queues: []),
        Row(
            description: "grid worker of the ticket's community", principal: gridWorker(community, .community),
            reads: true, whole: false, actions: [.addProgress], queues: [community]),
        Row(
            description: "grid worker of another community", principal: gridWorker("110105026002", .community),
            reads: false, whole: false, actions: [], queues: []),
        Row(
            description: "grid worker whose token names the township", principal: gridWorker(township, .township),
            reads: false, whole: false, actions: [], queues: []),
    ]

    static func gridWorker(_ unit: String, _ kind: OrgUnit.Kind) -> Principal {
        Principal(tokenId: UUID(), name: "g", role: .gridWorker, unitCode: unit, unitKind: kind, districtCode: district)
    }

    /// The actions `principal` may take on `ticket`, as `HandlingRules.decide` checks them.
    static func allowed(_ principal: Principal) -> Set<HandlingAction> {
        Set(
            HandlingAction.allCases.filter { action in
                principal.mayRead(ticket.parties) && principal.mayHandle(action, ticket: ticket)
                    && (!HandlingRules.centerActions.contains(action)
                        || principal.actsForCenter(action, ticket: ticket))
            })
    }

    @Test("each caller reads, sees the caller's data, acts and reads queues as the matrix says", arguments: rows)
    func matrix(row: Row) {
        #expect(row.principal.mayRead(Self.ticket.parties) == row.reads)
        #expect(row.principal.callerData(on: Self.ticket.parties) == (row.whole ? .whole : .masked))
        #expect(Self.allowed(row.principal) == row.actions)
        #expect(Set(Self.queues.filter { row.principal.mayReadQueue(of: $0) }) == row.queues)
    }

    @Test("scopes by tier")
    func scopes() {
        #expect(Principal(tokenId: UUID(), name: "a", role: .analyst, unitCode: nil).scope == .city)
        #expect(Self.handler(OrgUnitCode.center, nil, district: nil).scope == .city)
        #expect(Self.handler(Self.district, .subCenter, district: Self.district).scope == .district(Self.district))
        #expect(Self.handler(Self.township, .township, district: Self.district).scope == .unit(Self.township))
        #expect(Self.handler(Self.housing, nil, district: nil).scope == .unit(Self.housing))
        #expect(Self.handler(nil, nil, district: nil).scope == .nothing)
    }

    @Test("a sub-center reads the tickets it holds, and re-dispatches only its district's")
    func subCenterHolding() {
        let subCenter = Self.handler(Self.district, .subCenter, district: Self.district)
        let held = HandlingTicket(state: .dispatched, unitCode: Self.district, districtCode: nil, urgency: .general)
        #expect(subCenter.mayRead(held.parties))
        #expect(subCenter.mayHandle(.signFor, ticket: held))
        #expect(subCenter.actsForCenter(.redispatch, ticket: held))
        let elsewhere = HandlingTicket(
            state: .dispatched, unitCode: "110101001", districtCode: "110101", urgency: .general)
        #expect(!subCenter.actsForCenter(.redispatch, ticket: elsewhere))
        #expect(!subCenter.actsForCenter(.reopen, ticket: held), "reopening stays with the center")
    }

    @Test("a unit's part in a ticket: lead before co-unit before summoned")
    func parts() {
        let parties = TicketParties(
            unitCode: "a", coUnitCodes: ["a", "b"], districtCode: nil, summonedUnitCodes: ["b", "c"])
        #expect(parties.part(of: "a") == .lead)
        #expect(parties.part(of: "b") == .coUnit)
        #expect(parties.part(of: "c") == .summoned)
        #expect(parties.part(of: "d") == nil)
    }
}
