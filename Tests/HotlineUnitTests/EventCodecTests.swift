import Foundation
import HotlineDomain
import Testing

@Suite("Event wire format")
struct EventCodecTests {
    static let request = TicketRequest(
        channel: .wechat, type: .complaint, callerName: "王女士", callerPhone: "13800138000",
        placeText: "朝阳区望京街道", coordinates: Coordinates(latitude: 39.99, longitude: 116.47),
        text: "楼下餐馆油烟太大", categoryCode: "ENV", urgency: .general)

    static func event() -> Event<TicketReceived> {
        Event(
            id: UUID(), ticketId: UUID(), occurredAt: Date(timeIntervalSince1970: 1_795_000_000.123),
            producer: "intake-gateway",
            payload: TicketReceived(number: "20261122-000001", request: ReceivedRequest(masking: request)))
    }

    @Test("an event survives encoding and decoding, milliseconds included")
    func roundTrip() throws {
        let event = Self.event()
        let decoded = try EventCodec.decode(try EventCodec.encode(event), accepting: [.ticketReceived]).get()
        var expected = event.metadata
        expected.occurredAt = decoded.metadata.occurredAt
        #expect(decoded.metadata == expected)
        #expect(abs(decoded.metadata.occurredAt.timeIntervalSince(event.metadata.occurredAt)) < 0.000_5)
        #expect(decoded.payload(as: TicketReceived.self) == event.payload)
        #expect(decoded.payload(as: TicketClassified.self) == nil)
    }

    @Test("ticket.received carries no caller data, and the request text is masked")
    func receivedCarriesNoCaller() throws {
        var request = Self.request
        request.text = "王女士说油烟太大，回电13800138000或010-12345678"
        let event = Event(
            id: UUID(), ticketId: UUID(), occurredAt: Date(timeIntervalSince1970: 1_795_000_000),
            producer: "intake-gateway",
            payload: TicketReceived(number: "20261122-000001", request: ReceivedRequest(masking: request)))
        let json = String(decoding: try EventCodec.encode(event), as: UTF8.self)
        for raw in ["王女士", "13800138000", "12345678", "caller_name", "caller_phone"] {
            #expect(!json.contains(raw), "\(raw) in \(json)")
        }
        #expect(json.contains("王**说油烟太大，回电138****8000或***-****5678"))
    }

    @Test("the envelope carries id, type, schema version, ticket id, occurred-at, producer and payload")
    func envelopeFields() throws {
        let json = try JSONSerialization.jsonObject(with: Data(try EventCodec.encode(Self.event()))) as! [String: Any]
        #expect(Set(json.keys) == ["id", "type", "schema_version", "ticket_id", "occurred_at", "producer", "payload"])
        #expect(json["type"] as? String == "ticket.received")
        #expect(json["schema_version"] as? Int == 1)
        #expect((json["occurred_at"] as? String)?.hasSuffix(".123Z") == true)
    }

    @Test(
        "each kind of poison is named",
        arguments: [
            ("{not json", PoisonReason.notJSON.code),
            (#"{"id":"x"}"#, "invalid-envelope"),
            (
                #"{"id":"6F9619FF-8B86-D011-B42D-00C04FC964FF","type":"ticket.teleported","schema_version":1,"ticket_id":"6F9619FF-8B86-D011-B42D-00C04FC964FF","occurred_at":"2026-11-22T08:00:00Z","producer":"x","payload":{}}"#,
                "unknown-type"
            ),
            (
                #"{"id":"6F9619FF-8B86-D011-B42D-00C04FC964FF","type":"ticket.dispatched","schema_version":1,"ticket_id":"6F9619FF-8B86-D011-B42D-00C04FC964FF","occurred_at":"2026-11-22T08:00:00Z","producer":"x","payload":{}}"#,
                "unexpected-type"
            ),
            (
                #"{"id":"6F9619FF-8B86-D011-B42D-00C04FC964FF","type":"ticket.received","schema_version":2,"ticket_id":"6F9619FF-8B86-D011-B42D-00C04FC964FF","occurred_at":"2026-11-22T08:00:00Z","producer":"x","payload":{}}"#,
                "unsupported-schema-version"
            ),
            (
                #"{"id":"6F9619FF-8B86-D011-B42D-00C04FC964FF","type":"ticket.received","schema_version":1,"ticket_id":"6F9619FF-8B86-D011-B42D-00C04FC964FF","occurred_at":"2026-11-22T08:00:00Z","producer":"x","payload":{"number":7}}"#,
                "payload-mismatch"
            ),
        ])
    func poison(message: String, code: String) {
        switch EventCodec.decode(Array(message.utf8), accepting: [.ticketReceived]) {
        case .success: Issue.record("decoded poison: \(message)")
        case .failure(let reason): #expect(reason.code == code)
        }
    }

    @Test("every event type has a topic and a payload type that names it back")
    func typesAreConsistent() {
        for type in EventType.allCases {
            #expect(type.payloadType.eventType == type)
            #expect(HotlineTopic.allCases.contains(type.topic))
        }
    }
}
