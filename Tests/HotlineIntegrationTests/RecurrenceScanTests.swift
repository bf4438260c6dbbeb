import Foundation
import HotlineDomain
import HotlineServices
import HotlineStorage
import PostgresNIO
import Testing

/// The weekly recurrence scan over the ticket tables of a real PostgreSQL: a problem that came
/// back week after week in one township, while the rest of its district saw it seldom, is
/// proposed to that township once, with its evidence; a problem as common there as elsewhere is not.
@Suite("Recurrence scan (PostgreSQL)")
struct RecurrenceScanTests {
    static let chaoyang = "110105"
    static let (home, second, third) = ("110105001", "110105002", "110105003")
    static let city = TimeZone(identifier: "Asia/Shanghai")!
    /// The week scanned starts on Monday 2026-11-16 and ends a week later.
    static let week = CalendarDay(year: 2026, month: 11, day: 16)
    static var weekEnd: Date { CalendarDay(year: 2026, month: 11, day: 23).start(in: city) }

    /// `perWeek` requests about `leaf` in `township` in each week of `weeks`, week 19 being the
    /// scanned one and week 0 nineteen weeks before it.
    static func requests(
        _ leaf: String, in township: String, perWeek: Int, weeks: ClosedRange<Int>, on client: PostgresClient
    ) async throws {
        try await client.query(
            """
            INSERT INTO tickets (id, number, channel, type, place_text, request_text, urgency, state, category_code,
                                 district_code, township_code, received_at, updated_at)
            SELECT gen_random_uuid(), 'R-' || \(leaf) || '-' || \(township) || '-' || w || '-' || n, 'phone', 'complaint',
                   '朝阳', '门口占道经营', 'G', 'dispatched', \(leaf), \(chaoyang), \(township),
                   \(weekEnd) - make_interval(weeks => 20 - w::int) + make_interval(hours => 6 * n::int),
                   \(weekEnd) - make_interval(weeks => 20 - w::int) + make_interval(hours => 6 * n::int)
            FROM generate_series(\(weeks.lowerBound), \(weeks.upperBound)) AS w, generate_series(1, \(perWeek)) AS n
            """, logger: TestEnvironment.logger)
    }

    @Test("a problem back in one township six weeks running is proposed to it once, with the weeks and counts")
    func recurringProblemIsProposedOnce() async throws {
        try await TestDatabase.with { client, _ in
            for township in [Self.home, Self.second, Self.third] {
                try await Self.requests("HOU0101", in: township, perWeek: 10, weeks: 0...19, on: client)
            }
            try await Self.requests("URB0101", in: Self.second, perWeek: 1, weeks: 0...19, on: client)
            try await Self.requests("URB0101", in: Self.third, perWeek: 1, weeks: 0...19, on: client)
            try await Self.requests("URB0101", in: Self.home, perWeek: 1, weeks: 0...13, on: client)
            try await Self.requests("URB0101", in: Self.home, perWeek: 5, weeks: 14...19, on: client)
            let scan = RecurrenceScan(
                policy: try RecurrencePolicy(
                    csv: CSVTable(policy: "recurrence.csv", in: TestDatabase.repositoryRoot.appending(path: "Schemas")))
            )
            func scanWeek(_ weeksLater: Int) async throws -> [ProposedRecurrence] {
                let end = Self.weekEnd.addingTimeInterval(Double(weeksLater) * 604_800)
                let start = CalendarDay(end.addingTimeInterval(-7 * 86_400), in: Self.city)
                return try await client.withTransaction(logger: TestEnvironment.logger) { connection in
                    try await scan.scan(
                        week: start, endingAt: end, at: end, timeZone: Self.city, on: connection,
                        logger: TestEnvironment.logger)
                }
            }

            let proposed = try await scanWeek(0)
            let problem = try #require(proposed.first)
            #expect(proposed.count == 1, "the housing requests, as common there as elsewhere, are no recurrence")
            #expect(problem.leafCode == "URB0101" && problem.townshipCode == Self.home && problem.kind == .persistent)
            #expect(problem.weekStart == "2026-11-16" && problem.requests == 30)
            #expect(problem.unusualWeeks.count == 6 && problem.unusualWeeks.last == "2026-11-16")
            #expect(abs(problem.expected - 6) < 0.01, "two a week in the rest of the district, a third of it at home")
            #expect(try await scanWeek(0).isEmpty, "a week is proposed once")
            #expect(try await scanWeek(1).isEmpty, "and the episode once")

            let inbox = try await client.query(
                """
                SELECT unit_code, ticket_id IS NULL, note FROM inbox_items
                WHERE kind = 'recurring_problem' AND event_id = \(problem.id)
                """, logger: TestEnvironment.logger
            ).collect().map { try $0.decode((String, Bool, String).self) }
            #expect(inbox.map(\.0) == [Self.home])
            #expect(inbox.allSatisfy { $0.1 && $0.2.contains("共30件") })

            let repository = PostgresPeriodReportRepository(database: client, logger: TestEnvironment.logger)
            for (scope, expected) in [
                (ReportScope.township(Self.home), [problem.id]), (.township(Self.second), []),
                (.district(Self.chaoyang), [problem.id]), (.district("110101"), []), (.city, [problem.id]),
            ] {
                let listed = try await repository.recurrences(
                    in: scope, from: Self.week, through: Self.week, now: Self.weekEnd, timeZone: Self.city)
                #expect(listed.map(\.id) == expected, "in \(scope)")
            }

            // The follow-up: one request a week after the proposal is down from five to about the
            // usual one, so the requests stopped; three a week would not have.
            try await Self.requests("URB0101", in: Self.home, perWeek: 1, weeks: 20...23, on: client)
            let fourWeeksOn = Self.weekEnd.addingTimeInterval(4 * 604_800 + 3_600)
            let followed = try await repository.recurrences(
                in: .township(Self.home), from: Self.week, through: Self.week, now: fourWeeksOn, timeZone: Self.city)
            let followUp = try #require(followed.first?.followUp)
            #expect(followUp.weeks == 4 && followUp.requests == 4, "\(followUp)")
            #expect(followUp.status == .stopped)
            let early = try await repository.recurrences(
                in: .township(Self.home), from: Self.week, through: Self.week,
                now: Self.weekEnd.addingTimeInterval(2 * 604_800), timeZone: Self.city)
            #expect(early.first?.followUp?.status == .watching)
            #expect(early.first?.followUp?.requests == 2)
        }
    }
}
