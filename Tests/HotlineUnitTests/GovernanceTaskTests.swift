import Foundation
import HotlineDomain
import Testing

/// Governance tasks (每月一题): months, the adoption's and progress report's checks, the effect
/// measured against last year, and the follow-up of a recurring problem.
@Suite("Governance tasks")
struct GovernanceTaskTests {
    static func month(_ year: Int, _ month: Int) -> CalendarDay { CalendarDay(year: year, month: month, day: 1) }

    static let adoption = GovernanceAdoption(
        screeningYear: 2025, leafCode: "URB0101", title: "占道经营治理", leadUnitCode: "110000:department:urban",
        coUnitCodes: ["110000:department:market"], measures: ["每周联合执法"], firstMonth: "2026-03",
        lastMonth: "2026-12")
    static let kinds: [String: OrgUnit.Kind] = [
        "110000:department:urban": .department, "110000:department:market": .department, "110105001": .township,
    ]

    static func task(first: String = "2026-03", last: String = "2026-12") -> GovernanceTask {
        GovernanceTask(
            id: UUID(), screeningYear: 2025, leafCode: "URB0101", leafName: "占道经营", title: "占道经营治理",
            leadUnitCode: "110000:department:urban", coUnitCodes: [], measures: ["每周联合执法"], firstMonth: first,
            lastMonth: last, adoptedBy: "管理员", adoptedAt: Date())
    }

    @Test("months are read as YYYY-MM and counted across years")
    func months() {
        #expect(CalendarDay(month: "2026-03") == Self.month(2026, 3))
        for bad in ["2026-3", "2026-13", "26-03", "2026-03-01", "abcd-ef", "1999-12"] {
            #expect(CalendarDay(month: bad) == nil, "\(bad)")
        }
        #expect(Self.month(2026, 11).addingMonths(3) == Self.month(2027, 2))
        #expect(Self.month(2026, 2).addingMonths(-14) == Self.month(2024, 12))
        #expect(Self.month(2025, 11).months(to: Self.month(2026, 2)) == 3)
        #expect(
            Self.task(first: "2026-11", last: "2027-02").months.map(\.monthDescription) == [
                "2026-11", "2026-12", "2027-01", "2027-02",
            ])
    }

    @Test("a well-formed adoption has no findings; each fault is named by its field")
    func adoptionFindings() {
        let today = CalendarDay(year: 2026, month: 4, day: 10)
        let isLeaf: (String) -> Bool = { $0 == "URB0101" }
        #expect(Self.adoption.findings(isLeaf: isLeaf, unitKinds: Self.kinds, today: today).isEmpty)
        func fields(_ change: (inout GovernanceAdoption) -> Void) -> [String] {
            var adoption = Self.adoption
            change(&adoption)
            return adoption.findings(isLeaf: isLeaf, unitKinds: Self.kinds, today: today).map(\.field)
        }
        #expect(fields { $0.leafCode = "URB01" } == ["leaf_code"])
        #expect(fields { $0.title = "  " } == ["title"])
        #expect(fields { $0.measures = [] } == ["measures"])
        #expect(fields { $0.leadUnitCode = "110105001" } == ["lead_unit_code"], "a township leads no task")
        #expect(fields { $0.leadUnitCode = "nowhere" } == ["lead_unit_code"])
        #expect(fields { $0.coUnitCodes = ["110000:department:urban"] } == ["co_unit_codes"], "the lead is no co-unit")
        #expect(fields { $0.coUnitCodes = ["110105001"] } == ["co_unit_codes"])
        #expect(fields { $0.lastMonth = "2026-02" } == ["last_month"], "ends before it starts")
        #expect(
            fields {
                $0.firstMonth = "2025-01"; $0.lastMonth = "2026-03"
            } == ["last_month"], "ended already")
        #expect(fields { $0.lastMonth = "2029-12" } == ["last_month"], "longer than 36 months")
        #expect(fields { $0.firstMonth = "March" } == ["first_month"])
        #expect(fields { $0.screeningYear = 2027 } == ["screening_year"])
    }

    @Test("progress is reported for a month of the task that has begun, with a summary")
    func progressFindings() {
        let task = Self.task()
        let today = CalendarDay(year: 2026, month: 5, day: 2)
        func fields(_ month: String, _ summary: String = "完成联合执法4次") -> [String] {
            GovernanceProgressReport(month: month, status: .onSchedule, summary: summary)
                .findings(for: task, today: today).map(\.field)
        }
        #expect(fields("2026-05").isEmpty)
        #expect(fields("2026-03").isEmpty)
        #expect(fields("2026-06") == ["month"], "not begun")
        #expect(fields("2026-02") == ["month"], "before the task")
        #expect(fields("2026-5") == ["month"])
        #expect(fields("2026-04", "") == ["summary"])
    }

    @Test("the effect compares the task's months with last year's, and with the trend before it")
    func effect() throws {
        let today = CalendarDay(year: 2026, month: 6, day: 15)
        let span = try #require(
            GovernanceTaskEffect.span(firstMonth: Self.month(2026, 3), lastMonth: Self.month(2026, 12), today: today))
        #expect(span.measured.map(\.monthDescription) == ["2026-03", "2026-04", "2026-05"])
        #expect(span.before.map(\.monthDescription) == ["2025-12", "2026-01", "2026-02"])
        #expect(span.earliest == Self.month(2024, 12))
        var busy: [CalendarDay: Int] = [:]
        for month in span.measured { busy[month] = 10; busy[month.addingMonths(-12)] = 20 }
        for month in span.before { busy[month] = 16; busy[month.addingMonths(-12)] = 20 }
        let effect = GovernanceTaskEffect.measure(
            counts: ["110105": busy, "110108": [Self.month(2026, 4): 3]], measured: span.measured, before: span.before)
        let chaoyang = try #require(effect.districts.first { $0.districtCode == "110105" })
        #expect(chaoyang.during == 30 && chaoyang.duringLastYear == 60)
        #expect(chaoyang.before == 48 && chaoyang.beforeLastYear == 60)
        #expect(chaoyang.change == -0.5)
        // Already down to 0.8 of last year before the task, down to 0.5 during it: 0.5 / 0.8 − 1.
        #expect(abs((chaoyang.adjustedChange ?? 0) + 0.375) < 1e-9)
        let haidian = try #require(effect.districts.first { $0.districtCode == "110108" })
        #expect(haidian.during == 3 && haidian.change == nil && haidian.adjustedChange == nil)
        #expect(effect.city.during == 33 && effect.city.duringLastYear == 60)
        #expect(
            GovernanceTaskEffect.span(firstMonth: Self.month(2026, 6), lastMonth: Self.month(2026, 12), today: today)
                == nil, "no month of the task has ended")
        let ended = try #require(
            GovernanceTaskEffect.span(firstMonth: Self.month(2026, 1), lastMonth: Self.month(2026, 2), today: today))
        #expect(ended.measured.count == 2, "a finished task is measured over its own months")
    }

    @Test("a recurring problem's requests stopped when they came down at least halfway to the usual level")
    func followUp() {
        let proposal = ProposedRecurrence(
            id: UUID(), leafCode: "URB0101", leafName: nil, townshipCode: "110105001", districtCode: "110105",
            weekStart: "2026-11-16", kind: .persistent, unusualWeeks: ["a", "b", "c", "d", "e", "f"], requests: 30,
            expected: 6, proposedAt: Date())
        #expect(RecurrenceFollowUp(weeks: 3, requests: 0, after: proposal).status == .watching)
        #expect(RecurrenceFollowUp(weeks: 4, requests: 12, after: proposal).status == .stopped, "3 a week: halfway")
        #expect(RecurrenceFollowUp(weeks: 4, requests: 13, after: proposal).status == .continuing)
        let followUp = RecurrenceFollowUp(weeks: 5, requests: 5, after: proposal)
        #expect(followUp.weeklyBefore == 5 && followUp.weeklyUsual == 1 && followUp.status == .stopped)
    }
}
