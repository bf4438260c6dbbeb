import Foundation
import HotlineDomain
import HotlineStorage
import PostgresNIO
import Testing

/// Ticket numbers given out from blocks reserved in the day's counter, as two gateways do.
@Suite("Ticket numbering in blocks")
struct TicketNumberingTests {
    static let day = CalendarDay(year: 2027, month: 1, day: 4)

    @Test(
        "two numberings on one counter, called concurrently, never give out a number twice nor one beyond the counter")
    func concurrentNumberings() async throws {
        try await TestDatabase.with { client, _ in
            let logger = TestEnvironment.logger
            let first = TicketNumbering(client: client, blockSize: 7, logger: logger)
            let second = TicketNumbering(client: client, blockSize: 7, logger: logger)
            let sequences = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<200 {
                    let numbering = index.isMultiple(of: 2) ? first : second
                    group.addTask { try await numbering.next(on: Self.day).sequence }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(Set(sequences).count == 200)
            let reserved = try await TestDatabase.count(
                "SELECT last_sequence::bigint FROM ticket_number_counters WHERE day = '2027-01-04'", on: client)
            #expect(reserved.isMultiple(of: 7))
            #expect(sequences.allSatisfy { (1...reserved).contains($0) })
            // A numbering started afterwards (a restarted gateway) continues after every reservation.
            let restarted = TicketNumbering(client: client, blockSize: 7, logger: logger)
            #expect(try await restarted.next(on: Self.day).sequence == reserved + 1)
            #expect(try await restarted.next(on: Self.day).sequence == reserved + 2)
        }
    }
}
