import Foundation
import HotlineDomain
import Testing

/// The pure parts of Open311: attribute answers, the shipped service definitions, statuses, W3C
/// dates, and what an external system's token may reach.
@Suite("Open311")
struct Open311Tests {
    static let rooms = ServiceAttribute(
        code: "rooms", datatype: .multivaluelist, required: false, description: "哪些房间不热", order: 2,
        values: [.init(key: "living", name: "客厅"), .init(key: "bedroom", name: "卧室")])
    static let temperature = ServiceAttribute(
        code: "room_temperature", datatype: .number, required: true, description: "室内温度", order: 1)

    @Test("a required attribute must be answered; an optional one may be left out")
    func required() {
        #expect(Self.temperature.problem(with: []) == "attribute[room_temperature] is required")
        #expect(Self.rooms.problem(with: []) == nil)
    }

    @Test("each datatype takes only its kind of value")
    func datatypes() {
        #expect(Self.temperature.problem(with: ["14.5"]) == nil)
        #expect(Self.temperature.problem(with: ["warm"]) != nil)
        #expect(Self.temperature.problem(with: ["nan"]) != nil)
        #expect(Self.temperature.problem(with: ["14", "15"]) == "attribute[room_temperature] takes one value")
        #expect(Self.rooms.problem(with: ["living", "bedroom"]) == nil)
        #expect(Self.rooms.problem(with: ["garage"]) != nil)
        let since = ServiceAttribute(code: "since", datatype: .datetime, required: true, description: "自", order: 1)
        #expect(since.problem(with: ["2026-12-03T07:00:00+08:00"]) == nil)
        #expect(since.problem(with: ["yesterday"]) != nil)
    }

    @Test("a list's answers are shown by their names")
    func line() {
        #expect(Self.rooms.line(for: ["living", "bedroom"]) == "哪些房间不热：客厅、卧室")
    }

    @Test("findings name unknown attributes and wrong answers")
    func findings() throws {
        let json = """
            {"UTL0401": [{"code": "room_temperature", "datatype": "number", "required": true, "order": 1,
                          "description": "室内温度"}]}
            """
        let definitions = try ServiceDefinitions(json: Data(json.utf8))
        #expect(definitions.findings(["room_temperature": ["14"]], for: "UTL0401").isEmpty)
        #expect(
            definitions.findings(["colour": ["red"]], for: "UTL0401").map(\.field) == [
                "attribute[colour]", "attribute[room_temperature]",
            ])
        #expect(definitions.attributes(of: "MUN0101").isEmpty)
    }

    @Test("a list attribute without choices and a repeated code are refused")
    func malformedDefinitions() {
        #expect(throws: ServiceDefinitionError.self) {
            try ServiceDefinitions(
                json: Data(
                    #"{"A": [{"code": "x", "datatype": "singlevaluelist", "required": true, "order": 1, "description": "d"}]}"#
                        .utf8))
        }
        #expect(throws: ServiceDefinitionError.self) {
            try ServiceDefinitions(
                json: Data(
                    #"{"A": [{"code": "x", "datatype": "string", "required": true, "order": 1, "description": "d"}, {"code": "x", "datatype": "text", "required": false, "order": 2, "description": "e"}]}"#
                        .utf8))
        }
    }

    @Test("every service the shipped definitions name is a leaf of the catalog")
    func shippedDefinitions() throws {
        let url = ReferenceFixtures.repository.appendingPathComponent("Schemas").appendingPathComponent(
            ServiceDefinitions.file)
        let definitions = try ServiceDefinitions(json: try Data(contentsOf: url))
        #expect(!definitions.serviceCodes.isEmpty)
        for code in definitions.serviceCodes {
            #expect(ReferenceFixtures.reference.catalog[code]?.isLeaf == true, "\(code) is not a leaf")
        }
    }

    @Test("a request is open while worked on and closed once its result is reported")
    func statuses() {
        #expect(Open311Status(.received) == .open)
        #expect(Open311Status(.handedUp) == .open)
        #expect(Open311Status(.resolved) == .closed)
        #expect(Open311Status(.closed) == .closed)
        #expect(Open311Status(.answeredDirectly) == .closed)
        #expect(Set(Open311Status.open.states + Open311Status.closed.states) == Set(TicketState.allCases))
    }

    @Test("dates are written with the city's offset and read in the W3C forms")
    func dates() throws {
        let date = try #require(W3CDateTime.date("2026-12-03T01:30:00Z"))
        #expect(W3CDateTime.string(date, in: TimeZone(identifier: "Asia/Shanghai")!) == "2026-12-03T09:30:00+08:00")
        #expect(W3CDateTime.date("2026-12-03T09:30:00+08:00") == date)
        #expect(W3CDateTime.date("2026-12-03T09:30:00.250+08:00") != nil)
        #expect(W3CDateTime.date("2026-12-03") != nil)
        #expect(W3CDateTime.date("03/12/2026") == nil)
    }

    @Test("an external system's token reaches no ticket, no screen figure and no operators' route")
    func externalScope() {
        let external = Principal(tokenId: UUID(), name: "app", role: .external, unitCode: nil)
        #expect(external.scope == .nothing)
        #expect(!external.mayWatchCity)
        #expect(!Role.everyone.contains(.external))
        #expect(Role.externalSystems == [.external])
    }
}
