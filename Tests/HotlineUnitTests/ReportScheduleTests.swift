import Foundation
import HotlineDomain
import Testing

@Suite("Report schedule and scope")
struct ReportScheduleTests {
    static let beijing = TimeZone(identifier: "Asia/Shanghai")!

    /// A moment in Beijing's time.
    static func at(_ text: String) -> Date { try! Date(text + "+08:00", strategy: .iso8601) }

    @Test("periods are calendar periods in the city's zone, weeks from Monday, each with the one before")
    func bounds() {
        let moment = Self.at("2026-12-02T10:30:00")
        let day = ReportPeriod.day.bounds(containing: moment, in: Self.beijing)
        #expect(day.start == Self.at("2026-12-02T00:00:00") && day.end == Self.at("2026-12-03T00:00:00"))
        #expect(day.previousStart == Self.at("2026-12-01T00:00:00"))
        let week = ReportPeriod.week.bounds(containing: moment, in: Self.beijing)
        #expect(week.start == Self.at("2026-11-30T00:00:00") && week.end == Self.at("2026-12-07T00:00:00"))
        let month = ReportPeriod.month.bounds(containing: moment, in: Self.beijing)
        #expect(month.start == Self.at("2026-12-01T00:00:00") && month.previousStart == Self.at("2026-11-01T00:00:00"))
        let hour = ReportPeriod.hour.bounds(containing: moment, in: Self.beijing)
        #expect(hour.start == Self.at("2026-12-02T10:00:00") && hour.end == Self.at("2026-12-02T11:00:00"))
    }

    @Test("a period is due once it ended and the grace passed; a first run produces only the last one")
    func dueAfterGrace() {
        let schedule = ReportSchedule(grace: 120, catchUp: 24)
        #expect(
            schedule.due(.hour, now: Self.at("2026-12-02T10:01:00"), lastProduced: nil, in: Self.beijing)
                == [Self.at("2026-12-02T08:00:00")], "10:00's hour is not due until 10:02")
        #expect(
            schedule.due(.hour, now: Self.at("2026-12-02T10:02:00"), lastProduced: nil, in: Self.beijing)
                == [Self.at("2026-12-02T09:00:00")])
        #expect(
            schedule.due(
                .hour, now: Self.at("2026-12-02T10:02:00"), lastProduced: Self.at("2026-12-02T09:00:00"),
                in: Self.beijing
            ).isEmpty, "each period once")
        #expect(
            schedule.due(.day, now: Self.at("2026-12-02T00:02:00"), lastProduced: nil, in: Self.beijing)
                == [Self.at("2026-12-01T00:00:00")])
        #expect(
            schedule.dueAt(.day, start: Self.at("2026-12-01T00:00:00"), in: Self.beijing)
                == Self.at("2026-12-02T00:02:00"))
    }

    @Test("after an outage the missed periods come oldest first, at most the catch-up's newest")
    func catchUp() {
        let schedule = ReportSchedule(grace: 120, catchUp: 3)
        #expect(
            schedule.due(
                .hour, now: Self.at("2026-12-02T10:05:00"), lastProduced: Self.at("2026-12-02T07:00:00"),
                in: Self.beijing) == [Self.at("2026-12-02T08:00:00"), Self.at("2026-12-02T09:00:00")])
        #expect(
            schedule.due(
                .hour, now: Self.at("2026-12-02T10:05:00"), lastProduced: Self.at("2026-12-01T07:00:00"),
                in: Self.beijing)
                == [Self.at("2026-12-02T07:00:00"), Self.at("2026-12-02T08:00:00"), Self.at("2026-12-02T09:00:00")])
        #expect(
            schedule.due(
                .month, now: Self.at("2026-12-01T00:05:00"), lastProduced: Self.at("2026-10-01T00:00:00"),
                in: Self.beijing) == [Self.at("2026-11-01T00:00:00")])
    }

    @Test("the clock set back before the newest report produces nothing until it passes it")
    func clockSetBack() {
        #expect(
            ReportSchedule().due(
                .day, now: Self.at("2026-11-05T08:00:00"), lastProduced: Self.at("2026-12-01T00:00:00"),
                in: Self.beijing
            ).isEmpty)
    }

    @Test("who reads which reports")
    func scopes() {
        func handler(_ unit: String?, _ kind: OrgUnit.Kind?, district: String?) -> Principal {
            Principal(
                tokenId: UUID(), name: "h", role: .handler, unitCode: unit, unitKind: kind, districtCode: district)
        }
        func role(_ role: Role) -> Principal { Principal(tokenId: UUID(), name: "r", role: role, unitCode: nil) }
        #expect(role(.analyst).reportScope == .city)
        #expect(role(.admin).reportScope == .city)
        #expect(handler(OrgUnitCode.center, .center, district: nil).reportScope == .city)
        #expect(handler("110105", .subCenter, district: "110105").reportScope == .district("110105"))
        #expect(handler("110105026", .township, district: "110105").reportScope == .township("110105026"))
        #expect(role(.operator).reportScope == nil)
        #expect(role(.external).reportScope == nil)
        #expect(role(.gridWorker).reportScope == nil)
        #expect(handler("110105:department:housing", .department, district: "110105").reportScope == nil)
        #expect(handler(nil, nil, district: nil).reportScope == nil)
        #expect(ReportScope.city.key == "city" && ReportScope.district("110105").key == "110105")
        #expect(ReportScope.township("110105026").townshipCode == "110105026" && ReportScope.city.districtCode == nil)
    }
}
