import Foundation
import HotlineDomain
import Testing

@Suite("Intake, classification and dispatch rules")
struct RulesTests {
    @Test("ticket numbers are the day and a six-digit sequence")
    func ticketNumbers() {
        #expect(
            TicketNumber(day: CalendarDay(year: 2026, month: 1, day: 5), sequence: 42).description == "20260105-000042")
        #expect(
            TicketNumber(day: CalendarDay(year: 2026, month: 11, day: 22), sequence: 1_234_567).description
                == "20261122-1234567")
    }

    @Test("the calendar day is taken in the city's time zone")
    func calendarDayInCityZone() {
        let lateEveningUTC = Date(timeIntervalSince1970: 1_795_305_600 - 3600)  // 2026-11-21 23:00 UTC
        #expect(
            CalendarDay(lateEveningUTC, in: TimeZone(identifier: "UTC")!) == CalendarDay(year: 2026, month: 11, day: 21)
        )
        #expect(
            CalendarDay(lateEveningUTC, in: TimeZone(identifier: "Asia/Shanghai")!)
                == CalendarDay(year: 2026, month: 11, day: 22))
        #expect(CalendarDay(year: 2026, month: 3, day: 9).isoDescription == "2026-03-09")
    }
}
