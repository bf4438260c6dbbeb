import HotlineDomain
import HotlineStorage
import Testing

@Suite("Stored values are read strictly")
struct StoredValueTests {
    @Test("a known raw value becomes its case")
    func knownValue() throws {
        #expect(try StoredValue.decode(UrgencyTier.self, UrgencyTier.emergency.rawValue, column: "t.c") == .emergency)
        #expect(try StoredValue.decode(TicketState.self, "dispatched", column: "t.c") == .dispatched)
    }

    @Test("an unknown raw value is an error naming the column, not a default")
    func unknownValue() {
        let error = #expect(throws: UnknownStoredValue.self) {
            try StoredValue.decode(UrgencyTier.self, "very-urgent", column: "tickets.urgency")
        }
        #expect(error?.column == "tickets.urgency")
        #expect(error?.value == "very-urgent")
        #expect(error?.description.contains("tickets.urgency") == true)
    }
}
