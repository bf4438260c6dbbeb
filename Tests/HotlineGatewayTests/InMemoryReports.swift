import Foundation
import HotlineDomain
import HotlineStorage

/// Period reports in memory, for router tests: the day that starts at `storedDay` is stored for
/// every scope; any other period is "computed" as an empty report of the scope asked for.
struct InMemoryReports: PeriodReportRepository {
    static let storedDay = Date(timeIntervalSince1970: 1_795_104_000)

    func stored(
        _ period: ReportPeriod, start: Date, scope: ReportScope
    ) async throws -> (header: ScheduledReportStore.Header, report: PeriodReport)? {
        guard period == .day, start == Self.storedDay else { return nil }
        let end = start.addingTimeInterval(86_400)
        return (
            ScheduledReportStore.Header(
                period: period, scope: scope.key, start: start, end: end, dueAt: end.addingTimeInterval(120),
                producedAt: end.addingTimeInterval(125)),
            try Self.report(period, scope: scope, start: start, end: end, total: 7)
        )
    }

    func headers(_ period: ReportPeriod, scope: ReportScope, limit: Int) async throws -> [ScheduledReportStore.Header] {
        let end = Self.storedDay.addingTimeInterval(86_400)
        return [
            ScheduledReportStore.Header(
                period: period, scope: scope.key, start: Self.storedDay, end: end, dueAt: end, producedAt: end)
        ]
    }

    /// One category warning in the fixture's district and one in another, and one leaf warning
    /// in the fixture's township, all on 2026-11-20.
    static let warnings =
        [GatewayHarness.district, "110101"].map { district in
            DistrictWarning(
                id: UUID(), categoryCode: "MKT", categoryName: "市场管理", districtCode: district, day: "2026-11-20",
                windowDays: 7,
                warning: EarlyWarning(
                    day: 0, observed: 46, expected: 18.5, probability: 0.00001, baseline: .seasonal,
                    referenceWindows: 3),
                raisedAt: Date(timeIntervalSince1970: 1_795_190_520))
        } + [
            DistrictWarning(
                id: UUID(), categoryCode: "MKT0101", categoryName: "预付卡退费", districtCode: GatewayHarness.district,
                townshipCode: GatewayHarness.township, townshipName: "望京街道", day: "2026-11-20", windowDays: 7,
                warning: EarlyWarning(
                    day: 0, observed: 46, expected: 18.5, probability: 0.00001, baseline: .seasonal,
                    referenceWindows: 3),
                raisedAt: Date(timeIntervalSince1970: 1_795_190_520))
        ]

    func warnings(
        in scope: ReportScope, from first: CalendarDay, through last: CalendarDay
    ) async throws -> [DistrictWarning] {
        Self.warnings.filter { warning in
            Self.contains(scope, district: warning.districtCode, township: warning.townshipCode)
                && (first.isoDescription...last.isoDescription).contains(warning.day)
        }
    }

    /// Whether `scope` holds a finding of `district` (and of `township`, when it is one township's).
    static func contains(_ scope: ReportScope, district: String, township: String?) -> Bool {
        switch scope {
        case .city: true
        case .district(let code): district == code
        case .township(let code): township == code
        }
    }

    /// One recurring problem in the fixture's township and one in another district's, both of
    /// the week starting 2026-11-16.
    static let recurrences = [(GatewayHarness.township, GatewayHarness.district), ("110101001", "110101")].map {
        township, district in
        ProposedRecurrence(
            id: UUID(), leafCode: "URB0101", leafName: "占道经营", townshipCode: township, districtCode: district,
            weekStart: "2026-11-16", kind: .persistent,
            unusualWeeks: ["2026-09-28", "2026-10-12", "2026-10-26", "2026-11-02", "2026-11-16"], requests: 21,
            expected: 4.5, proposedAt: Date(timeIntervalSince1970: 1_795_190_520))
    }

    func recurrences(
        in scope: ReportScope, from first: CalendarDay, through last: CalendarDay, now: Date, timeZone: TimeZone
    ) async throws -> [ProposedRecurrence] {
        Self.recurrences.filter { problem in
            Self.contains(scope, district: problem.districtCode, township: problem.townshipCode)
                && (first.isoDescription...last.isoDescription).contains(problem.weekStart)
        }
    }

    /// The fixture's township in the governance class from September through November 2026 (and
    /// out of it in August), another district's township in October only.
    func governanceClass(
        district: String?
    ) async throws -> (records: [GovernanceClassHistory.Assessed], months: Set<CalendarDay>) {
        let months = (8...11).map { CalendarDay(year: 2026, month: $0, day: 1) }
        let records =
            months.dropFirst().map {
                GovernanceClassHistory.Assessed(
                    unitCode: GatewayHarness.township, unitName: "望京街道", month: $0, inClass: true)
            }
            + [
                GovernanceClassHistory.Assessed(
                    unitCode: "110101001", unitName: "东华门街道", month: months[2], inClass: true)
            ]
        return (records.filter { district == nil || $0.unitCode.hasPrefix(district!) }, Set(months))
    }

    func compute(_ period: ReportPeriod, bounds: ReportPeriod.Bounds, scope: ReportScope) async throws -> PeriodReport {
        try Self.report(period, scope: scope, start: bounds.start, end: bounds.end, total: 0)
    }

    /// An empty report but for `total`, read from JSON as a client would.
    static func report(
        _ period: ReportPeriod, scope: ReportScope, start: Date, end: Date, total: Int
    ) throws -> PeriodReport {
        let formatter = ISO8601DateFormatter()
        let json = """
            {"period": "\(period.rawValue)", "scope": "\(scope.key)", "start": "\(formatter.string(from: start))",
             "end": "\(formatter.string(from: end))", "total": \(total), "previous_total": 0, "by_channel": [],
             "by_type": [], "top_categories": [], "top_subcategories": [], "top_leaves": [], "by_district": [],
             "top_townships": [], "top_townships_per_district": [], "top_communities": [], "handling_steps": [],
             "group_requests": [], "hot_spots": [], "overdue": [], "overdue_tickets": [], "meeting_agenda": [],
             "meeting_decisions": []}
            """
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(PeriodReport.self, from: Data(json.utf8))
    }
}
