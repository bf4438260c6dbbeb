import Foundation
import HotlineScreens
import HotlineStorage
import Testing

/// The period report's HTML (the file `hotline report --format html` writes, and the body of the
/// reports screen): the top ten at each catalog level with their trend, and the overdue list.
@Suite("Screens: the period report's HTML")
struct PeriodReportPageTests {
    static func report() throws -> PeriodReport {
        let json = """
            {"period": "week", "scope": "110105", "start": "2026-11-15T16:00:00Z", "end": "2026-11-22T16:00:00Z",
             "total": 120, "previous_total": 100, "by_channel": [], "by_type": [],
             "top_categories": [{"code": "URB", "name": "城市管理", "count": 40, "previous": 20}],
             "top_subcategories": [{"code": "URB01", "name": "市容环境", "count": 30, "previous": 40}],
             "top_leaves": [{"code": "URB0101", "name": "占道经营", "count": 12, "previous": 0}],
             "by_district": [], "top_townships": [], "top_townships_per_district": [], "top_communities": [],
             "handling_steps": [], "group_requests": [], "hot_spots": [], "overdue": [],
             "overdue_tickets": [{"number": "20261117-0042", "category_name": "占道经营", "township_name": "望京街道",
               "unit_code": "110105026", "unit_name": "望京街道办事处", "overdue_at": "2026-11-20T01:30:00Z",
               "state": "in_progress"}],
             "meeting_agenda": [], "meeting_decisions": []}
            """
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(PeriodReport.self, from: Data(json.utf8))
    }

    @Test("each catalog level has its top ten with the previous period and the change, and the overdue list its rows")
    func levelsAndOverdueList() throws {
        let resources = try ScreenResources.load(from: ScreenHarness.screensDirectory)
        let html = try PeriodReportPage.html(
            try Self.report(), zone: TimeZone(secondsFromGMT: 8 * 3600)!, resources: resources)
        let rows = [
            "report-top-categories":
                "<td>城市管理</td><td class=\"number\">40</td><td class=\"number\">20</td><td class=\"number trend-up\">▲100%</td>",
            "report-top-subcategories":
                "<td>市容环境</td><td class=\"number\">30</td><td class=\"number\">40</td><td class=\"number trend-down\">▼25%</td>",
            "report-top-leaves":
                "<td>占道经营</td><td class=\"number\">12</td><td class=\"number\">0</td><td class=\"number trend-up\">新增</td>",
            "report-overdue-tickets":
                "<td>20261117-0042</td><td>占道经营</td><td>望京街道</td><td>望京街道办事处</td><td>2026-11-20 09:30</td><td>办理中</td>",
        ]
        for (table, row) in rows {
            let start = try #require(html.range(of: #"<table id="\#(table)""#), "\(table)")
            let end = try #require(html[start.upperBound...].range(of: "</table>"))
            #expect(html[start.upperBound..<end.lowerBound].contains(row), "\(table)")
        }
        #expect(html.contains("<title>周汇总 · "))
        #expect(!html.contains("report-group-requests"))
    }
}
