import Foundation
import HotlineDomain
import HotlineServices
import HotlineStorage
import PostgresNIO
import Testing

/// The daily early-warning scan over the ticket tables of a real PostgreSQL: a category that
/// quadrupled in one district for a week is warned of once, on the day the rise shows, in the
/// inboxes of the district's sub-center and of the department that led the requests; a steady
/// one is not. A leaf that rose in one township is warned of too, to the township as well.
@Suite("Early-warning scan (PostgreSQL)")
struct EarlyWarningScanTests {
    static let chaoyang = "110105"
    static let market = "110105:department:market_regulation"
    static let city = TimeZone(identifier: "Asia/Shanghai")!
    /// The day scanned, and its end (midnight in Beijing).
    static let day = CalendarDay(year: 2026, month: 11, day: 20)
    static var dayEnd: Date { CalendarDay(year: 2026, month: 11, day: 21).start(in: city) }

    /// `perDay` requests of `category` in Chaoyang (about `leaf` in `township` when given), led
    /// by the market department, on each of the days from `firstDay` to `lastDay` days before
    /// the scanned day's end.
    static func requests(
        _ category: String, leaf: String? = nil, township: String? = nil, perDay: Int,
        daysBefore range: ClosedRange<Int>, on client: PostgresClient
    ) async throws {
        let tag = leaf ?? category
        try await client.query(
            """
            INSERT INTO tickets (id, number, channel, type, place_text, request_text, urgency, state, unit_code,
                                 level1_code, category_code, township_code, district_code, received_at, updated_at)
            SELECT gen_random_uuid(), 'W-' || \(tag) || '-' || d || '-' || n, 'phone', 'complaint', '朝阳', '预付卡退费',
                   'G', 'dispatched', \(market), \(category), \(leaf), \(township), \(chaoyang),
                   \(dayEnd) - make_interval(days => d::int) + make_interval(mins => 30 * n::int),
                   \(dayEnd) - make_interval(days => d::int) + make_interval(mins => 30 * n::int)
            FROM generate_series(\(range.lowerBound), \(range.upperBound)) AS d, generate_series(1, \(perDay)) AS n
            """, logger: TestEnvironment.logger)
    }

    /// The market department of Chaoyang, which leads the requests of these tests.
    static func addMarketDepartment(_ client: PostgresClient) async throws {
        try await client.query(
            """
            INSERT INTO org_units (code, name, kind, specialty, district_code)
            VALUES (\(Self.market), '朝阳区市场监督管理局', 'department', 'department:market_regulation', \(Self.chaoyang))
            """, logger: TestEnvironment.logger)
    }

    /// The early-warning scan with the repository's policy.
    static func scan() throws -> EarlyWarningScan {
        EarlyWarningScan(
            policy: try EarlyWarningPolicy(
                csv: CSVTable(policy: "early_warning.csv", in: TestDatabase.repositoryRoot.appending(path: "Schemas"))))
    }

    /// The scheduler's daily scans of the week up to the scanned day, each in its transaction.
    static func scanWeek(_ scan: EarlyWarningScan, _ client: PostgresClient) async throws -> [DistrictWarning] {
        var raised: [DistrictWarning] = []
        for daysBefore in (0...6).reversed() {
            let end = Self.dayEnd.addingTimeInterval(-Double(daysBefore) * 86_400)
            let day = CalendarDay(end.addingTimeInterval(-1), in: Self.city)
            raised += try await client.withTransaction(logger: TestEnvironment.logger) { connection in
                try await scan.scan(day: day, endingAt: end, at: end, on: connection, logger: TestEnvironment.logger)
            }
        }
        return raised
    }

    /// The units whose inboxes got the early-warning item of `warning`, by code.
    static func inboxes(of warning: DistrictWarning, _ client: PostgresClient) async throws -> [(String, Bool, String)]
    {
        try await client.query(
            """
            SELECT unit_code, ticket_id IS NULL, note FROM inbox_items
            WHERE kind = 'early_warning' AND event_id = \(warning.id) ORDER BY unit_code
            """, logger: TestEnvironment.logger
        ).collect().map { try $0.decode((String, Bool, String).self) }
    }

    @Test("a week at four times the usual count raises one warning, stored once, in two inboxes")
    func surgeIsWarnedOnce() async throws {
        try await TestDatabase.with { client, _ in
            try await Self.addMarketDepartment(client)
            // Seventy days of three a day; the last week of the market category at twelve a day.
            try await Self.requests("MKT", perDay: 3, daysBefore: 8...70, on: client)
            try await Self.requests("MKT", perDay: 12, daysBefore: 1...7, on: client)
            try await Self.requests("HOU", perDay: 3, daysBefore: 1...70, on: client)
            let scan = try Self.scan()
            // The scheduler scans each day once it ended: the week of the surge, day by day.
            let raised = try await Self.scanWeek(scan, client)
            let warning = try #require(raised.first)
            #expect(raised.count == 1, "one warning for the episode, on the day it began")
            #expect(warning.categoryCode == "MKT" && warning.districtCode == Self.chaoyang)
            #expect(
                warning.baseline == .trailing && abs(warning.expected - 21) < 0.01, "three a day in the reference weeks"
            )
            #expect(warning.day < "2026-11-20" && warning.observed >= 30, "raised before the week was over")
            #expect(try await Self.scanWeek(scan, client).isEmpty, "each day's warnings are raised once")

            let inboxes = try await Self.inboxes(of: warning, client)
            #expect(inboxes.map(\.0) == [Self.chaoyang, Self.market])
            #expect(inboxes.allSatisfy { $0.1 && $0.2.contains("\(warning.observed)件") })

            let repository = PostgresPeriodReportRepository(database: client, logger: TestEnvironment.logger)
            let week = CalendarDay(year: 2026, month: 11, day: 14)
            let listed = try await repository.warnings(in: .district(Self.chaoyang), from: week, through: Self.day)
            #expect(listed.map(\.id) == [warning.id])
            #expect(try await repository.warnings(in: .district("110101"), from: week, through: Self.day).isEmpty)
        }
    }

    @Test(
        "a leaf that rose in one township, where volume allows, is warned of once, to the township too; a steady one is not"
    )
    func townshipSurge() async throws {
        try await TestDatabase.with { client, _ in
            try await Self.addMarketDepartment(client)
            let wangjing = "110105026", jiuxianqiao = "110105001"
            // Prepaid-card refunds in Wangjing: two a day, then eight a day for the last week;
            // housing repairs in Jiuxianqiao: three a day throughout (enough volume, no rise).
            try await Self.requests(
                "MKT", leaf: "MKT0101", township: wangjing, perDay: 2, daysBefore: 8...70, on: client)
            try await Self.requests(
                "MKT", leaf: "MKT0101", township: wangjing, perDay: 8, daysBefore: 1...7, on: client)
            try await Self.requests(
                "HOU", leaf: "HOU0101", township: jiuxianqiao, perDay: 3, daysBefore: 1...70, on: client)
            let scan = try Self.scan()
            let raised = try await Self.scanWeek(scan, client)
            let township = try #require(raised.first { $0.townshipCode != nil })
            #expect(raised.filter { $0.townshipCode != nil }.count == 1, "one township warning for the episode")
            #expect(township.categoryCode == "MKT0101" && township.townshipCode == wangjing)
            #expect(township.districtCode == Self.chaoyang && township.observed >= 10)
            #expect(!raised.contains { $0.categoryCode.hasPrefix("HOU") }, "a steady leaf is no warning")
            #expect(try await Self.scanWeek(scan, client).isEmpty, "each day's warnings are raised once")
            #expect(try await Self.inboxes(of: township, client).map(\.0) == [Self.chaoyang, wangjing, Self.market])

            let repository = PostgresPeriodReportRepository(database: client, logger: TestEnvironment.logger)
            let week = CalendarDay(year: 2026, month: 11, day: 14)
            let own = try await repository.warnings(in: .township(wangjing), from: week, through: Self.day)
            #expect(own.map(\.id) == [township.id], "a township reads its own leaf warnings, not the district's")
            #expect(try await repository.warnings(in: .township(jiuxianqiao), from: week, through: Self.day).isEmpty)
            let district = try await repository.warnings(in: .district(Self.chaoyang), from: week, through: Self.day)
            #expect(Set(district.map(\.id)) == Set(raised.map(\.id)), "the sub-center reads both")
        }
    }

    @Test("a scan that fails is undone and the day's reports are stored all the same")
    func failingScanKeepsReports() async throws {
        try await TestDatabase.with { client, _ in
            // A rise that shows on the scanned day itself: the scheduler scans that day.
            try await Self.requests("MKT", perDay: 3, daysBefore: 2...70, on: client)
            try await Self.requests("MKT", perDay: 40, daysBefore: 1...1, on: client)
            try await client.withConnection {
                try await ReferenceStore.replace(
                    with: try ReferenceData(schemaDirectory: TestDatabase.repositoryRoot.appending(path: "Schemas")),
                    on: $0, logger: TestEnvironment.logger)
            }
            // Every warning the scan raises now fails to be stored.
            try await client.query("DROP TABLE early_warnings", logger: TestEnvironment.logger)
            let scheduler = ReportScheduler(
                database: client, clock: TokenExpiryFlowTests.FixedClock(time: Self.dayEnd.addingTimeInterval(300)),
                timeZone: Self.city,
                warnings: try Self.scan(),
                logger: TestEnvironment.logger)
            try await scheduler.runOnce()
            let stored = try await TestDatabase.count(
                """
                SELECT count(*)::int FROM scheduled_reports
                WHERE period = 'day' AND scope = 'city' AND period_start = \(Self.day.start(in: Self.city))
                """, on: client)
            #expect(stored == 1)
            let raised = try await TestDatabase.count(
                "SELECT count(*)::int FROM inbox_items WHERE kind = 'early_warning'", on: client)
            #expect(raised == 0, "the failed scan left nothing behind")
        }
    }

}
