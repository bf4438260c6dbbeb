import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineServices
import HotlineStorage
import PostgresNIO
import Testing

extension ServiceFlowTests {
    static let reportPort = 18780

    /// A clock that shows one time: each scheduler below is a service (re)started at that time.
    struct ScheduleClock: HotlineClock {
        let time: Date
        func now() -> Date { time }
    }

    /// Stored reports of `period` starting at `start`, one per scope if each was written once.
    static func storedCount(_ period: ReportPeriod, start: Date, _ client: PostgresClient) async throws -> Int {
        let rows = try await client.query(
            """
            SELECT count(*)::bigint FROM scheduled_reports WHERE period = \(period.rawValue) AND period_start = \(start)
            """, logger: TestEnvironment.logger)
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }

    @Test(
        "scheduled reports are stored once per period and scope when due, again none after a restart, and served over HTTP in each caller's scope"
    )
    func scheduledReports() async throws {
        try await TestDatabase.with { client, database in
            try await RunningServices.prepare(client)
            let base = URL(string: "http://127.0.0.1:\(Self.reportPort)")!
            let wangjing = "110105026", chaoyang = "110105"
            var handlers: [String: APIClient] = [:]
            for unit in [wangjing, chaoyang] {
                handlers[unit] = APIClient(
                    base: base, token: try await RunningServices.token(.handler, unit: unit, on: client))
            }
            let desk = Desk(
                operatorAPI: APIClient(base: base, token: try await RunningServices.token(.operator, on: client)),
                handlers: handlers)
            let analyst = APIClient(base: base, token: try await RunningServices.token(.analyst, on: client))
            let zone = TimeZone(identifier: "Asia/Shanghai")!
            let settings = RunningServices.settings(database: database, basePort: Self.reportPort)
            // Every service runs, so that no event is left on the shared topics for the next test; the
            // scoring aggregator's own schedule runs on the real clock and may store the tickets' hour
            // first once it has ended, so the checks below hold whichever scheduler stored it.
            try await RunningServices.with(HotlineServiceKind.allCases, settings: settings, build: Self.build) {
                try await desk.operatorAPI.waitUntilUp()
                var received: [Date] = []
                for place in ["朝阳区望京街道", "朝阳区望京街道", "东城区东华门街道"] {
                    let id = try await Self.dispatchedTicket(desk, text: "小区物业不管事", place: place, leaf: "PRP0101")
                    let ticket = try await desk.operatorAPI.send("GET", "/tickets/\(id)").json
                    received.append(
                        try #require((ticket["received_at"] as? String).flatMap { try? Date($0, strategy: .iso8601) }))
                }
                let hour = ReportPeriod.hour.bounds(containing: received[0], in: zone)
                let inHour = received.filter { $0 >= hour.start && $0 < hour.end }.count
                let schedule = ReportSchedule()
                let producedAt = hour.end.addingTimeInterval(schedule.grace + 10)
                func scheduler(at time: Date) -> ReportScheduler {
                    ReportScheduler(
                        database: client, clock: ScheduleClock(time: time), schedule: schedule, timeZone: zone,
                        logger: TestEnvironment.logger)
                }

                try await scheduler(at: hour.end.addingTimeInterval(60)).runOnce()
                #expect(try await Self.storedCount(.hour, start: hour.start, client) == 0, "not due before the grace")
                try await scheduler(at: producedAt).runOnce()
                #expect(
                    try await Self.storedCount(.hour, start: hour.start, client) == 17,
                    "the tickets' hour for the city and 16 districts")
                #expect(try await scheduler(at: producedAt).runOnce() == 0, "a restarted service writes nothing twice")
                #expect(try await Self.storedCount(.hour, start: hour.start, client) == 17)

                let at = ISO8601DateFormatter().string(from: received[0]).addingPercentEncoding(
                    withAllowedCharacters: .alphanumerics)!
                let city = try await analyst.send("GET", "/reports?period=hour&at=\(at)")
                #expect(city.status == 200, "\(city.text)")
                let stored = try #require(city.json["stored"] as? [String: Any])
                let produced = try #require(
                    (stored["produced_at"] as? String).flatMap { try? Date($0, strategy: .iso8601) })
                #expect(produced >= hour.end.addingTimeInterval(schedule.grace), "produced when due, not before")
                #expect(
                    (stored["due_at"] as? String).flatMap { try? Date($0, strategy: .iso8601) }
                        == hour.end.addingTimeInterval(schedule.grace))
                let report = try #require(city.json["report"] as? [String: Any])
                #expect(report["scope"] as? String == "city" && report["total"] as? Int == inHour)

                let district = try await desk.handler(chaoyang).send("GET", "/reports?period=hour&at=\(at)")
                let districtReport = try #require(district.json["report"] as? [String: Any])
                #expect(district.json["stored"] is [String: Any], "a district's report is stored")
                #expect(districtReport["scope"] as? String == chaoyang)
                let inChaoyang = received.prefix(2).filter { $0 >= hour.start && $0 < hour.end }.count
                #expect(districtReport["total"] as? Int == inChaoyang)
                let districts = (districtReport["by_district"] as? [[String: Any]])?.compactMap {
                    $0["code"] as? String
                }
                #expect(districts == [chaoyang], "a district sees only itself")

                let township = try await desk.handler(wangjing).send("GET", "/reports?period=hour&at=\(at)")
                #expect(township.json["stored"] is NSNull, "a township's report is computed on request")
                let townshipReport = try #require(township.json["report"] as? [String: Any])
                #expect(townshipReport["scope"] as? String == wangjing && townshipReport["total"] as? Int == inChaoyang)
                #expect(
                    (townshipReport["top_leaves"] as? [[String: Any]])?.first?["code"] as? String == "PRP0101",
                    "the top leaves with their trend")

                let list = try await analyst.send("GET", "/reports/stored?period=hour")
                let items = list.json["items"] as? [[String: Any]] ?? []
                #expect(items.allSatisfy { $0["scope"] as? String == "city" })
                let starts = items.compactMap { ($0["start"] as? String).flatMap { try? Date($0, strategy: .iso8601) } }
                #expect(starts.contains(hour.start) && starts == starts.sorted(by: >), "newest first")
                #expect(try await desk.operatorAPI.send("GET", "/reports?period=day").status == 403)

                try await client.withConnection { connection in
                    try await SimulationClockStore.set(
                        simulated: hour.start, speed: 1, on: connection, logger: TestEnvironment.logger)
                    try await SimulationClockStore.reset(on: connection, logger: TestEnvironment.logger)
                }
                #expect(
                    try await Self.storedCount(.hour, start: hour.start, client) == 0,
                    "the shared clock set back before a report was produced discards it")
            }
        }
    }
}
