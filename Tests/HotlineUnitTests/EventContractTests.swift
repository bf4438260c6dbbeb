import Foundation
import HotlineDomain
import Testing

/// Every event type has a JSON Schema in `Schemas/events/`, and samples of every type are
/// written for `scripts/check-contracts` to validate against those schemas.
@Suite("Event contracts")
struct EventContractTests {
    static let schemas = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Schemas/events")

    static func samples() throws -> [(EventType, [UInt8])] {
        let ticketId = UUID()
        let when = Date(timeIntervalSince1970: 1_795_305_600)
        func event<P: EventPayload>(_ payload: P) throws -> (EventType, [UInt8]) {
            (
                P.eventType,
                try EventCodec.encode(
                    Event(
                        id: UUID(), ticketId: ticketId, occurredAt: when, producer: "contract-tests", payload: payload))
            )
        }
        return [
            try event(
                TicketReceived(number: "20261122-000001", request: ReceivedRequest(masking: EventCodecTests.request))),
            try event(
                TicketReceived(
                    number: "20261122-000002",
                    request: ReceivedRequest(channel: .gridWorker, type: .report, placeText: "平谷区", text: "路面塌陷"))),
            try event(
                TicketClassified(
                    categoryCode: "MUN0301", level1Code: "MUN", level2Code: "MUN03", urgency: .emergency, confidence: 1,
                    method: .operatorChoice,
                    districtCode: "110105", townshipCode: "110105026")),
            try event(
                TicketClassified(
                    categoryCode: "PRP0101", level1Code: "PRP", level2Code: "PRP01", urgency: .general,
                    confidence: 0.82, method: .model,
                    districtCode: "110111", townshipCode: "110111103", repeatOf: UUID(), groupRequestId: UUID())),
            try event(
                TicketClassified(
                    categoryCode: nil, urgency: .general, confidence: 0, method: .unresolved, reviewRequired: true)),
            try event(TicketAnswered(articleId: "KB0001", answer: "供暖季为每年11月15日至次年3月15日。")),
            try event(
                TicketReclassified(
                    previousCategoryCode: "MKT0101", categoryCode: "CUL0301", level1Code: "CUL", level2Code: "CUL03",
                    urgency: .general)),
            try event(
                TicketDispatched(
                    unitCode: "110105026", coUnitCodes: ["110105:department:housing"], urgency: .complex,
                    reason: "re-dispatched by 朝阳区分中心", occasion: .redispatch)
            ),
            try event(
                TicketDispatched(
                    unitCode: "110105026", urgency: .general, reason: "repeat of 20261122-000042",
                    occasion: .repeatRequest, repeatOf: UUID())),
            try event(
                TicketHandled(
                    action: .whistle, state: .inProgress, unitCode: "110105026", actor: "望京街道 handler",
                    actorRole: .handler,
                    actorUnitCode: "110105026",
                    departments: ["110105:department:housing", "110105:enterprise:water"], deadline: when)),
            try event(
                TicketHandled(
                    action: .returnVisit, state: .closed, unitCode: "110105026", actor: "operator 12",
                    actorRole: .operator,
                    actorUnitCode: nil,
                    solved: .partly, satisfaction: .basically)),
            try event(
                SLATimerFired(
                    kind: .checkpoint, timer: "checkpoint:3", step: nil, unitCode: "110105026", dueAt: when, day: 3,
                    duty: SLAPlanner.checkpointDuty(day: 3))),
            try event(
                SLATimerFired(
                    kind: .overdue, timer: "deadline:finish", step: .finish, unitCode: "110105026", dueAt: when,
                    supervisionLevel: .subCenter,
                    supervisingUnitCode: "110105")),
            try event(
                SLATimerFired(
                    kind: .meeting, timer: SLATimerKind.meeting.code, step: nil, unitCode: "110105026", dueAt: when)),
            try event(
                GroupRequestDetected(
                    groupRequestId: UUID(), leafCode: "GRN0201", townshipCode: "110105026", ticketCount: 10,
                    firstAt: when, districtCode: "110105")
            ),
            try event(
                TicketDispatched(
                    unitCode: "110000", urgency: .general, reason: "no category decided: municipal center queue")),
        ]
    }

    @Test("every event type has a versioned schema file")
    func schemaFilesExist() {
        for type in EventType.allCases {
            let file = Self.schemas.appendingPathComponent("\(type.rawValue).v\(type.payloadType.schemaVersion).json")
            #expect(FileManager.default.fileExists(atPath: file.path), "missing \(file.lastPathComponent)")
        }
    }

    @Test("samples of every event type are written for the schema check")
    func writeSamples() throws {
        guard let folder = ProcessInfo.processInfo.environment["HOTLINE_CONTRACT_SAMPLES"] else { return }
        let directory = URL(fileURLWithPath: folder)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let samples = try Self.samples()
        for (index, (type, bytes)) in samples.enumerated() {
            try Data(bytes).write(to: directory.appendingPathComponent("\(type.rawValue).\(index).json"))
        }
        #expect(Set(samples.map(\.0)) == Set(EventType.allCases))
    }
}
