import HotlineDomain
import Testing

@Suite("Ticket numbers reserved in blocks")
struct ReservedTicketNumbersTests {
    static let monday = CalendarDay(year: 2027, month: 1, day: 4)
    static let tuesday = CalendarDay(year: 2027, month: 1, day: 5)

    /// Everything `numbers` gives out for `day`, in order, until none is left.
    static func drain(_ numbers: inout ReservedTicketNumbers, on day: CalendarDay) -> [Int] {
        var sequences: [Int] = []
        while let number = numbers.take(on: day) { sequences.append(number.sequence) }
        return sequences
    }

    @Test("nothing is given out before a block is reserved")
    func emptyAtFirst() {
        var numbers = ReservedTicketNumbers()
        #expect(numbers.take(on: Self.monday) == nil)
    }

    @Test("blocks reserved out of order are given out lowest first, each number once")
    func lowestFirst() {
        var numbers = ReservedTicketNumbers()
        numbers.add(33...64, on: Self.monday)
        numbers.add(2...32, on: Self.monday)
        numbers.add(65...65, on: Self.monday)
        #expect(Self.drain(&numbers, on: Self.monday) == Array(2...65))
        #expect(numbers.take(on: Self.monday) == nil)
    }

    @Test("a new day drops what was left of the day before, and a late block of that day is ignored")
    func dayChange() {
        var numbers = ReservedTicketNumbers()
        numbers.add(1...10, on: Self.monday)
        #expect(numbers.take(on: Self.monday)?.description == "20270104-000001")
        #expect(numbers.take(on: Self.tuesday) == nil)
        numbers.add(1...3, on: Self.tuesday)
        numbers.add(11...20, on: Self.monday)
        #expect(numbers.take(on: Self.monday) == nil)
        #expect(Self.drain(&numbers, on: Self.tuesday) == [1, 2, 3])
        #expect(numbers.day == Self.tuesday)
    }
}
