import Foundation
import HotlineDomain
import Testing

@Suite("Intake, classification and dispatch rules")
struct RulesTests {
    @Test("ticket numbers are the day and a six-digit sequence")
    func ticketNumbers() {
        #expect(TicketNumber(day: CalendarDay(year: 2026, month: 1, day: 5), sequence: 42).description == "20260105-000042")
        #expect(TicketNumber(day: CalendarDay(year: 2026, month: 11, day: 22), sequence: 1_234_567).description == "20261122-1234567")
    }

    @Test("the calendar day is taken in the city's time zone")
    func calendarDayInCityZone() {
        let lateEveningUTC = Date(timeIntervalSince1970: 1_795_305_600 - 3600)  // 2026-11-21 23:00 UTC
        #expect(CalendarDay(lateEveningUTC, in: TimeZone(identifier: "UTC")!) == CalendarDay(year: 2026, month: 11, day: 21))
        #expect(CalendarDay(lateEveningUTC, in: TimeZone(identifier: "Asia/Shanghai")!) == CalendarDay(year: 2026, month: 11, day: 22))
        #expect(CalendarDay(year: 2026, month: 3, day: 9).isoDescription == "2026-03-09")
    }

    static let beijingTable: [(UrgencyTier, TimeInterval, TimeInterval?)] = [
        (.emergency, 900, 7_200),
        (.livelihood, 900, 86_400),
        (.general, 7_200, 604_800),
        (.complex, 7_200, nil),
    ]

    @Test("Beijing's limits per tier", arguments: beijingTable)
    func beijingLimits(tier: UrgencyTier, assign: TimeInterval, finish: TimeInterval?) {
        let dispatched = Date(timeIntervalSince1970: 1_795_000_000)
        let deadlines = TimeLimitPolicy.beijing.deadlines(tier: tier, dispatchedAt: dispatched)
        #expect(deadlines.assignBy == dispatched.addingTimeInterval(assign))
        #expect(deadlines.finishBy == finish.map { dispatched.addingTimeInterval($0) })
    }
}
