import HotlineDomain
import Testing

/// The governance class's stays (治理类 until 摘帽) from the monthly assessments.
@Suite("Governance class history")
struct GovernanceClassHistoryTests {
    static func month(_ year: Int, _ month: Int) -> CalendarDay { CalendarDay(year: year, month: month, day: 1) }

    static func assessed(
        _ unit: String, _ months: [(Int, Int)], inClass: Bool = true
    ) -> [GovernanceClassHistory.Assessed] {
        months.map {
            GovernanceClassHistory.Assessed(
                unitCode: unit, unitName: "街道\(unit)", month: month($0, $1), inClass: inClass)
        }
    }

    @Test("a run of months in the class is one stay, ended by the first assessed month out of it")
    func staysAndExits() {
        let assessedMonths = Set([(2026, 7), (2026, 8), (2026, 9), (2026, 10), (2026, 11)].map { Self.month($0, $1) })
        let records =
            Self.assessed("A", [(2026, 7), (2026, 8), (2026, 9)])
            + Self.assessed("A", [(2026, 10), (2026, 11)], inClass: false)
            + Self.assessed("B", [(2026, 10), (2026, 11)])
            + Self.assessed("C", [(2026, 7), (2026, 9)])
        let spells = GovernanceClassHistory.spells(records, assessedMonths: assessedMonths)
        #expect(
            spells == [
                GovernanceClassSpell(
                    unitCode: "B", unitName: "街道B", firstMonth: "2026-10", lastMonth: "2026-11", months: 2, leftIn: nil),
                GovernanceClassSpell(
                    unitCode: "A", unitName: "街道A", firstMonth: "2026-07", lastMonth: "2026-09", months: 3,
                    leftIn: "2026-10"),
                GovernanceClassSpell(
                    unitCode: "C", unitName: "街道C", firstMonth: "2026-09", lastMonth: "2026-09", months: 1,
                    leftIn: "2026-10"),
                GovernanceClassSpell(
                    unitCode: "C", unitName: "街道C", firstMonth: "2026-07", lastMonth: "2026-07", months: 1,
                    leftIn: "2026-08"),
            ])
    }

    @Test("a stay across a new year is one stay")
    func acrossTheYear() {
        let records = Self.assessed("A", [(2025, 11), (2025, 12), (2026, 1)])
        let spells = GovernanceClassHistory.spells(
            records, assessedMonths: Set([(2025, 11), (2025, 12), (2026, 1)].map { Self.month($0, $1) }))
        #expect(spells.map(\.months) == [3] && spells.first?.leftIn == nil)
    }
}
