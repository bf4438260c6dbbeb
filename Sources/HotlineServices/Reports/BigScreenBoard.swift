public import Foundation
public import HotlineDomain
public import HotlineStorage

/// The big screen (大屏) for the city's watchers (`Principal.mayWatchCity`): today's and this
/// month's intake, the newest tickets, the month's report (top categories, hot spots), the
/// districts' ranking and every township's load for the map; days and months in the city's
/// zone on the platform clock. Others get `TicketError.notSupervisor`.
public struct BigScreenBoard: Sendable {
    /// A district on the map: its centre and its townships' loads.
    public struct DistrictLoad: Sendable, Equatable {
        public var centre: DistrictCentre
        public var townships: [BigScreenFigures.TownshipLoad]
    }

    /// How many of the newest tickets the screen lists.
    public static let latestCount = 10

    private let repository: any LeaderReportsRepository
    private let ranking: MonthlyRanking
    private let centres: [DistrictCentre]
    private let clock: any HotlineClock
    /// The city's time zone, in which days and months begin.
    public let timeZone: TimeZone

    /// The board over `repository`, the districts' `centres`, the months' ranking from `ranking`.
    public init(
        repository: any LeaderReportsRepository, ranking: MonthlyRanking, centres: [DistrictCentre],
        clock: any HotlineClock, timeZone: TimeZone
    ) {
        self.repository = repository
        self.ranking = ranking
        self.centres = centres
        self.clock = clock
        self.timeZone = timeZone
    }

    /// Requests received today and this month, and the month's by channel and by type.
    public func intake(for principal: Principal) async throws -> BigScreenFigures.Intake {
        try check(principal)
        let today = CalendarDay(clock.now(), in: timeZone)
        let month = today.firstOfMonth
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let start = today.start(in: timeZone)
        return try await repository.intake(
            day: start..<(calendar.date(byAdding: .day, value: 1, to: start) ?? start),
            month: month.start(in: timeZone)..<month.nextMonth.start(in: timeZone))
    }

    /// The newest tickets received by now, newest first (no caller data, no request text).
    public func latest(for principal: Principal) async throws -> [BigScreenFigures.LatestTicket] {
        try check(principal)
        return try await repository.latest(limit: Self.latestCount, until: clock.now())
    }

    /// This month's report against the previous month, as `hotline report --period month`
    /// computes it (without the ranking): top categories with their change, hot spots.
    public func monthReport(for principal: Principal) async throws -> PeriodReport {
        try check(principal)
        let month = ranking.currentMonth
        return try await repository.report(
            period: "month", start: month.start(in: timeZone), end: month.nextMonth.start(in: timeZone),
            previousStart: month.previousMonth.start(in: timeZone))
    }

    /// This month's ranking of the districts.
    public func districtRanking(for principal: Principal) async throws -> [MonthlyRanking.Entry] {
        try check(principal)
        return try await ranking.ranking(month: ranking.currentMonth, for: principal).entries.filter {
            $0.result.tier == .district
        }
    }

    /// Each district with a known centre and its townships' loads this month.
    public func map(for principal: Principal) async throws -> [DistrictLoad] {
        try check(principal)
        let month = ranking.currentMonth
        let loads = Dictionary(
            grouping: try await repository.townshipLoads(
                from: month.start(in: timeZone), to: month.nextMonth.start(in: timeZone)),
            by: \.districtCode)
        return centres.map { DistrictLoad(centre: $0, townships: loads[$0.code] ?? []) }
    }

    private func check(_ principal: Principal) throws {
        guard principal.mayWatchCity else { throw TicketError.notSupervisor }
    }
}
