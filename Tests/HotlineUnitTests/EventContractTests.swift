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
            (P.eventType, try EventCodec.encode(Event(id: UUID(), ticketId: ticketId, occurredAt: when, producer: "contract-tests", payload: payload)))
        }
        return [
            try event(TicketReceived(number: "20261122-000001", request: EventCodecTests.request)),
            try event(TicketReceived(number: "20261122-000002", request: TicketRequest(channel: .gridWorker, type: .report, placeText: "平谷区", text: "路面塌陷"))),
            try event(TicketClassified(categoryCode: "MUN", urgency: .emergency, confidence: 1, method: .operatorChoice)),
            try event(TicketClassified(categoryCode: nil, urgency: .general, confidence: 0, method: .unresolved)),
            try event(TicketDispatched(unitCode: "110000", urgency: .general, reason: "no category decided: municipal center queue")),
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
