import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineServices
import HotlineStorage
import PostgresNIO
import Testing

extension ServiceFlowTests {
    static let scoringPort = 18380

    @Test(
        "after scripted tickets and actions through the API, verify-scores passes and the ranking is the hand-computed one"
    )
    func scoringFlow() async throws {
        try await TestDatabase.with { client, database in
            try await RunningServices.prepare(client)
            let base = URL(string: "http://127.0.0.1:\(Self.scoringPort)")!
            let wangjing = "110105026", jiangtai = "110105023", jiuxianqiao = "110105011"
            var handlers: [String: APIClient] = [:]
            for unit in [wangjing, jiangtai, jiuxianqiao] {
                handlers[unit] = APIClient(
                    base: base, token: try await RunningServices.token(.handler, unit: unit, on: client))
            }
            let desk = Desk(
                operatorAPI: APIClient(base: base, token: try await RunningServices.token(.operator, on: client)),
                handlers: handlers)
            let settings = RunningServices.settings(database: database, basePort: Self.scoringPort)
            try await RunningServices.with(HotlineServiceKind.allCases, settings: settings, build: Self.build) {
                try await desk.operatorAPI.waitUntilUp()
                let feedback: [String: Any] = ["note": "已处理", "feedback_to_caller": "已告知", "feedback_to_center": "已办结"]
                // 望京: two tickets, both solved and satisfied → 1.0 / 1.0 / 1.0 → 100.
                // 将台: one solved but only basically satisfied, one not solved and dissatisfied → 1.0 / 0.5 / 0.0 → 30 + 17.5 = 47.5.
                // 酒仙桥: one ticket excluded from assessment → no dispatch counted, unranked.
                let visits: [(String, String, String, String)] = [
                    (wangjing, "朝阳区望京街道", "solved", "satisfied"), (wangjing, "朝阳区望京街道", "solved", "satisfied"),
                    (jiangtai, "朝阳区将台乡", "solved", "basically"), (jiangtai, "朝阳区将台乡", "not", "dissatisfied"),
                ]
                for (unit, place, solved, satisfaction) in visits {
                    let id = try await Self.dispatchedTicket(desk, text: "小区物业不管事", place: place, leaf: "PRP0101")
                    #expect(try await Self.action(desk.handler(unit), id, "sign_for").status == 200)
                    #expect(try await Self.action(desk.handler(unit), id, "resolve", feedback).status == 200)
                    #expect(
                        try await Self.action(
                            desk.operatorAPI, id, "return_visit", ["solved": solved, "satisfaction": satisfaction]
                        ).status
                            == 200)
                }
                let excluded = try await Self.dispatchedTicket(
                    desk, text: "小区物业不管事", place: "朝阳区酒仙桥街道", leaf: "PRP0101")
                #expect(try await Self.action(desk.handler(jiuxianqiao), excluded, "sign_for").status == 200)
                #expect(
                    try await Self.action(desk.handler(jiuxianqiao), excluded, "request_exclusion", ["reason": "重复工单"])
                        .status == 200)
                #expect(
                    try await Self.action(desk.operatorAPI, excluded, "decide_exclusion", ["approved": true]).status
                        == 200)
                _ = try await eventually("the aggregator to see every visit and the exclusion") {
                    let visited = try await TestDatabase.count(
                        "SELECT count(*)::bigint FROM assessment_facts WHERE visited", on: client)
                    let excluded = try await TestDatabase.count(
                        "SELECT count(*)::bigint FROM assessment_facts WHERE excluded", on: client)
                    return visited == 4 && excluded == 1 ? true : nil
                }
            }
            let month = CalendarDay(Date(), in: TimeZone(identifier: "Asia/Shanghai")!).firstOfMonth
            let zone = TimeZone(identifier: "Asia/Shanghai")!
            let (differences, ranking) = try await client.withTransaction(logger: TestEnvironment.logger) {
                connection in
                let results = try await MonthlyAssessment.computeAndStore(
                    month: month, at: Date(), on: connection, logger: TestEnvironment.logger)
                let differences = try await ScoreVerification.differences(
                    month: month, timeZone: zone, on: connection, logger: TestEnvironment.logger)
                return (differences, results.map(PeriodReport.RankingEntry.init))
            }
            #expect(differences.isEmpty, "\(differences)")
            let townships = ranking.filter { $0.tier == "township" }
            #expect(townships.count == 343)
            let byCode = Dictionary(uniqueKeysWithValues: ranking.map { ($0.unitCode, $0) })
            // Scored on rates pulled toward the townships' pooled 4/4, 3/4, 2/4 by the policy's
            // 10 tickets: 望京 30 × 12/12 + 35 × 9.5/12 + 35 × 7/12 = 78.125 (raw: 100);
            // 将台 30 × 12/12 + 35 × 8.5/12 + 35 × 5/12 = 69.375 (raw: 47.5). The rates shown stay raw.
            #expect(
                byCode[wangjing] == Self.entry(wangjing, "望京街道", rank: 1, rates: (1, 1, 1), score: 78.13, dispatched: 2)
            )
            #expect(
                byCode[jiangtai]
                    == Self.entry(jiangtai, "将台乡", rank: 2, rates: (1, 0.5, 0), score: 69.38, dispatched: 2)
            )
            #expect(
                byCode[jiuxianqiao]?.rank == nil && byCode[jiuxianqiao]?.dispatched == 0
                    && byCode[jiuxianqiao]?.assessmentClass == "")
            #expect(byCode["110105"]?.score == 73.75, "朝阳区: 1.0 / 0.75 / 0.5")
            #expect(townships.filter { $0.rank != nil }.count == 2)

            let phones = try await all(
                client.query("SELECT DISTINCT caller_phone FROM analytics.tickets", logger: TestEnvironment.logger)
                    .decode(String?.self))
            #expect(phones == ["136****6000"], "analysts see callers' phones masked")
            let privileges = try await all(
                client.query(
                    """
                    SELECT has_schema_privilege('hotline_analyst', 'analytics', 'USAGE'), has_table_privilege('hotline_analyst', 'analytics.tickets', 'SELECT'),
                           has_table_privilege('hotline_analyst', 'public.tickets', 'SELECT'), has_table_privilege('hotline_analyst', 'public.api_tokens', 'SELECT')
                    """, logger: TestEnvironment.logger
                ).decode((Bool, Bool, Bool, Bool).self))
            #expect(
                privileges.first.map { [$0.0, $0.1, $0.2, $0.3] } == [true, true, false, false],
                "the analyst role reads the analytics schema only")
        }
    }

    static func entry(
        _ code: String, _ name: String, rank: Int, rates: (Double, Double, Double), score: Double, dispatched: Int
    ) -> PeriodReport.RankingEntry {
        var result = UnitAssessment(
            unitCode: code, unitName: name, tier: .township, figures: UnitFigures(), score: score, rank: rank,
            assessmentClass: .advanced)
        result.figures.dispatched = dispatched
        result.responseRate = rates.0
        result.resolutionRate = rates.1
        result.satisfactionRate = rates.2
        return PeriodReport.RankingEntry(result)
    }
}
