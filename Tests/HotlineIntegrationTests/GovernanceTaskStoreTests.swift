import Foundation
import HotlineDomain
import HotlineServices
import HotlineStorage
import PostgresNIO
import Testing

/// Governance tasks (每月一题) in a real PostgreSQL: the year's tallies the screening ranks, a task
/// adopted with its inbox items, its monthly reports and corrections, the requests its effect is
/// measured from, and the reminder for a month left unreported.
@Suite("Governance tasks (PostgreSQL)")
struct GovernanceTaskStoreTests {
    static let city = TimeZone(identifier: "Asia/Shanghai")!
    static let lead = "110000:department:urban"
    static let helper = "110000:department:market"

    /// One request about `leaf` in `township` (of 朝阳 or 海淀 by its code) at local noon of `day`.
    static func request(
        _ leaf: String, _ township: String, _ day: CalendarDay, _ index: Int, on client: PostgresClient
    ) async throws {
        let at = day.start(in: city).addingTimeInterval(12 * 3600)
        try await client.query(
            """
            INSERT INTO tickets (id, number, channel, type, place_text, request_text, urgency, state, category_code,
                                 district_code, township_code, received_at, updated_at)
            VALUES (gen_random_uuid(), 'G-' || \(leaf) || '-' || \(township) || '-' || \(day.isoDescription) || '-' || \(index),
                    'phone', 'complaint', '朝阳', '门口占道经营', 'G', 'dispatched', \(leaf), left(\(township), 6),
                    \(township), \(at), \(at))
            """, logger: TestEnvironment.logger)
    }

    @Test("the screening's tallies, a task adopted, reported, corrected, measured and reminded")
    func lifecycle() async throws {
        try await TestDatabase.with { client, _ in
            try await client.query(
                """
                INSERT INTO org_units (code, name, kind) VALUES
                  (\(Self.lead), '城管委', 'department'), (\(Self.helper), '市场监管局', 'department')
                """, logger: TestEnvironment.logger)
            // URB0101 everywhere in 2026 and once in 2025; PRP0101 in one township.
            var index = 0
            for township in ["110105001", "110105002", "110108001"] {
                for month in 1...3 {
                    index += 1
                    try await Self.request(
                        "URB0101", township, CalendarDay(year: 2026, month: month, day: 10), index, on: client)
                }
            }
            try await Self.request("URB0101", "110105001", CalendarDay(year: 2025, month: 2, day: 10), 0, on: client)
            try await Self.request("PRP0101", "110105001", CalendarDay(year: 2026, month: 1, day: 31), 0, on: client)

            let repository = PostgresGovernanceTaskRepository(database: client, logger: TestEnvironment.logger)
            let (tallies, previous) = try await repository.screeningTallies(year: 2026, timeZone: Self.city)
            #expect(tallies.map(\.count).reduce(0, +) == 10)
            #expect(previous == ["URB0101": 1])
            let ranked = AnnualScreening().rank(tallies, previousYear: previous)
            #expect(ranked.first?.leafCode == "URB0101" && ranked.first?.townships == 3)
            #expect(ranked.first?.activeMonths == 3 && ranked.first?.growth == 8)

            let task = GovernanceTask(
                id: UUID(), screeningYear: 2025, leafCode: "URB0101", leafName: nil, title: "占道经营治理",
                leadUnitCode: Self.lead, coUnitCodes: [Self.helper], measures: ["联合执法", "疏导点"],
                firstMonth: "2026-02", lastMonth: "2026-06", adoptedBy: "管理员",
                adoptedAt: Date(timeIntervalSince1970: 1_770_000_000))
            try await repository.adopt(
                task,
                notices: [Self.lead, Self.helper].map {
                    InboxNotice(unitCode: $0, kind: .governanceTask, note: task.adoptionNote)
                })
            let inbox = try await client.query(
                "SELECT unit_code FROM inbox_items WHERE kind = 'governance_task' AND ticket_id IS NULL ORDER BY 1",
                logger: TestEnvironment.logger
            ).collect().map { try $0.decode(String.self) }
            #expect(inbox == [Self.helper, Self.lead])

            let first = Date(timeIntervalSince1970: 1_772_000_000)
            _ = try await repository.saveProgress(
                GovernanceProgressReport(month: "2026-02", status: .behind, summary: "执法2次"), of: task.id,
                by: "城管委张三", at: first)
            let corrected = try await repository.saveProgress(
                GovernanceProgressReport(month: "2026-02", status: .onSchedule, summary: "执法4次"), of: task.id,
                by: "城管委李四", at: first.addingTimeInterval(3600))
            #expect(corrected.firstReportedAt == first && corrected.reportedBy == "城管委李四")
            let stored = try #require(try await repository.tasks(id: task.id).first)
            #expect(stored.coUnitCodes == [Self.helper] && stored.measures == ["联合执法", "疏导点"])
            #expect(stored.firstMonth == "2026-02" && stored.lastMonth == "2026-06")
            #expect(stored.progress.map(\.summary) == ["执法4次"] && stored.progress.first?.status == .onSchedule)
            #expect(try await repository.tasks(id: UUID()).isEmpty)

            let counts = try await repository.monthlyCounts(
                of: "URB0101", from: CalendarDay(year: 2025, month: 1, day: 1),
                through: CalendarDay(year: 2026, month: 3, day: 1), timeZone: Self.city)
            #expect(counts["110105"]?[CalendarDay(year: 2026, month: 2, day: 1)] == 2)
            #expect(counts["110105"]?[CalendarDay(year: 2025, month: 2, day: 1)] == 1)
            #expect(counts["110108"]?.values.reduce(0, +) == 3)

            let reminded = try await client.withConnection { connection in
                (
                    reported: try await ProgressReminder.remind(
                        month: CalendarDay(year: 2026, month: 2, day: 1), at: first, on: connection,
                        logger: TestEnvironment.logger),
                    unreported: try await ProgressReminder.remind(
                        month: CalendarDay(year: 2026, month: 3, day: 1), at: first, on: connection,
                        logger: TestEnvironment.logger),
                    outside: try await ProgressReminder.remind(
                        month: CalendarDay(year: 2026, month: 7, day: 1), at: first, on: connection,
                        logger: TestEnvironment.logger)
                )
            }
            #expect(reminded == (0, 1, 0))
            let due = try await client.query(
                "SELECT unit_code, note FROM inbox_items WHERE kind = 'governance_progress_due'",
                logger: TestEnvironment.logger
            ).collect().map { try $0.decode((String, String).self) }
            #expect(due.count == 1 && due.first?.0 == Self.lead && due.first?.1.contains("2026-03") == true)
        }
    }
}
