import Foundation
import HotlineDomain
import HotlineSimulation
import Testing

@Suite("Synthetic city")
struct CityModelTests {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!
    static let start = CalendarDay(year: 2026, month: 12, day: 1).start(in: zone)
    let model = CityModel(reference: ReferenceFixtures.reference, timeZone: CityModelTests.zone)

    @Test("the same seed gives the same city, another seed another")
    func deterministic() {
        let first = model.tickets(seed: 7, start: Self.start, days: 3, perDay: 100)
        let again = model.tickets(seed: 7, start: Self.start, days: 3, perDay: 100)
        let other = model.tickets(seed: 8, start: Self.start, days: 3, perDay: 100)
        #expect(first.map(\.request) == again.map(\.request))
        #expect(first.map(\.arrival) == again.map(\.arrival))
        #expect(first.map(\.request) != other.map(\.request))
    }

    @Test(
        "a month: arrivals inside the period in order, consultations, central districts busiest, every request a real leaf and township"
    )
    func month() throws {
        let tickets = model.tickets(seed: 1, start: Self.start, days: 31, perDay: 200)
        let end = Self.start.addingTimeInterval(31 * 86_400)
        #expect(tickets.count > 31 * 150)
        #expect(tickets.allSatisfy { $0.arrival >= Self.start && $0.arrival < end.addingTimeInterval(-3 * 3600) })
        #expect(tickets.map(\.arrival) == tickets.map(\.arrival).sorted())
        let consultations = Double(tickets.count { $0.answerArticleId != nil }) / Double(tickets.count)
        #expect((0.3...0.4).contains(consultations))
        let perDistrict = Dictionary(grouping: tickets, by: \.districtCode).mapValues(\.count)
        #expect(perDistrict["110105", default: 0] > perDistrict["110119", default: 0] * 4, "朝阳 busier than 延庆")
        let reference = ReferenceFixtures.reference
        let townships = Set(reference.divisions.filter { $0.tier == .township }.map(\.code))
        #expect(
            tickets.allSatisfy { reference.catalog[$0.leafCode]?.isLeaf == true && townships.contains($0.townshipCode) }
        )
        #expect(Set(tickets.map(\.townshipCode)).count > 300)
    }

    @Test("the caterpillar burst puts a group request's worth of tickets on one leaf in one 海淀 township on day 15")
    func caterpillars() throws {
        let tickets = model.tickets(seed: 3, start: Self.start, days: 20, perDay: 60)
        let day15 = tickets.filter {
            $0.arrival >= Self.start.addingTimeInterval(14 * 86_400)
                && $0.arrival < Self.start.addingTimeInterval(15 * 86_400)
        }
        let groups = Dictionary(
            grouping: day15.filter { $0.districtCode == "110108" && $0.leafCode.hasPrefix("GRN") },
            by: { "\($0.leafCode)@\($0.townshipCode)" })
        #expect(groups.values.map(\.count).max() ?? 0 >= 10)
    }
}
