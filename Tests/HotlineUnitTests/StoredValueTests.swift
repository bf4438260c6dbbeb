import HotlineDomain
import Testing

@testable import HotlineStorage

@Suite("Stored values are read strictly")
struct StoredValueTests {
    @Test("a known raw value becomes its case")
    func knownValue() throws {
        #expect(try UrgencyTier.stored(UrgencyTier.emergency.rawValue, column: "t.c") == .emergency)
        #expect(try TicketState.stored("dispatched", column: "t.c") == .dispatched)
        #expect(try UrgencyTier.stored(nil, column: "t.c") == nil)
    }

    @Test("an unknown raw value is an error naming the column, not a default")
    func unknownValue() {
        let error = #expect(throws: PostgresStoreError.self) {
            try UrgencyTier.stored("very-urgent", column: "tickets.urgency")
        }
        #expect(error?.message.contains("tickets.urgency") == true)
        #expect(error?.message.contains("very-urgent") == true)
    }
}
