public import Foundation
public import HotlineDomain
public import HotlineStorage

/// The leaders' period reports over the API (`GET /reports/{period}`), in the caller's scope
/// (`Principal.reportScope`): the report the schedule stored when there is one, else computed
/// on request (a period still running, a township's scope, a period before the schedule began).
public struct ReadPeriodReports: Sendable {
    /// A report as served: with the stored report's header, or without one when computed now.
    public struct Served: Sendable {
        public var report: PeriodReport
        public var header: ScheduledReportStore.Header?
    }

    /// How many headers a list returns at most.
    public static let maximumListLength = 200
    /// The moments a report may be asked for: the years 2000 to 2099, UTC.
    public static let acceptedMoments =
        Date(timeIntervalSince1970: 946_684_800)..<Date(timeIntervalSince1970: 4_102_444_800)

    private let repository: any PeriodReportRepository
    private let clock: any HotlineClock
    private let timeZone: TimeZone

    public init(repository: any PeriodReportRepository, clock: any HotlineClock, timeZone: TimeZone) {
        self.repository = repository
        self.clock = clock
        self.timeZone = timeZone
    }

    /// The `period` report containing `moment` (default: the period that ended last) in the
    /// caller's scope; `TicketError.notReportReader` for callers that read none.
    public func report(_ period: ReportPeriod, at moment: Date?, for principal: Principal) async throws -> Served {
        let scope = try scope(of: principal)
        let now = clock.now()
        let bounds = period.bounds(
            containing: moment ?? period.bounds(containing: now, in: timeZone).previousStart, in: timeZone)
        if let stored = try await repository.stored(period, start: bounds.start, scope: scope) {
            return Served(report: stored.report, header: stored.header)
        }
        return Served(report: try await repository.compute(period, bounds: bounds, scope: scope), header: nil)
    }

    /// The newest stored `period` reports of the caller's scope, newest first.
    public func list(
        _ period: ReportPeriod, limit: Int, for principal: Principal
    ) async throws -> [ScheduledReportStore.Header] {
        try await repository.headers(period, scope: try scope(of: principal), limit: limit)
    }

    /// The longest span of days `warnings` and `recurrences` list at once.
    public static let maximumListedDays = 366

    /// The early warnings raised on days `first` through `last` (default: the 30 days up to
    /// today) in the caller's scope: the city's watchers every one; a sub-center its district's,
    /// its townships' leaf warnings too; a township its own leaf warnings (a district's category
    /// warning goes to the sub-center and the department concerned). Others get
    /// `TicketError.notReportReader`.
    public func warnings(
        from first: CalendarDay?, through last: CalendarDay?, for principal: Principal
    ) async throws -> (first: CalendarDay, last: CalendarDay, warnings: [DistrictWarning]) {
        let scope = try scope(of: principal)
        let (first, last) = try days(from: first, through: last)
        return (first, last, try await repository.warnings(in: scope, from: first, through: last))
    }

    /// The recurring problems proposed for weeks starting on days `first` through `last`
    /// (default: the 30 days up to today) in the caller's scope: the city's watchers every
    /// township's, a sub-center its district's, a township its own; others
    /// `TicketError.notReportReader`. Each says whether the requests stopped since
    /// (`RecurrenceFollowUp`).
    public func recurrences(
        from first: CalendarDay?, through last: CalendarDay?, for principal: Principal
    ) async throws -> (first: CalendarDay, last: CalendarDay, problems: [ProposedRecurrence]) {
        let scope = try scope(of: principal)
        let (first, last) = try days(from: first, through: last)
        return (
            first, last,
            try await repository.recurrences(
                in: scope, from: first, through: last, now: clock.now(), timeZone: timeZone)
        )
    }

    /// The townships' stays in the governance class (治理类, until 摘帽) in the caller's scope,
    /// newest first: the city's watchers every township's, a sub-center its district's, a
    /// township its own; others `TicketError.notReportReader`.
    public func governanceClass(for principal: Principal) async throws -> [GovernanceClassSpell] {
        let scope = try scope(of: principal)
        let history = try await repository.governanceClass(district: scope.districtCode)
        let records = history.records.filter { scope.townshipCode == nil || $0.unitCode == scope.townshipCode }
        return GovernanceClassHistory.spells(records, assessedMonths: history.months)
    }

    /// The days asked for, `last` by default today and `first` 29 days before it; a span that
    /// runs backwards or longer than `maximumListedDays` is refused.
    private func days(from first: CalendarDay?, through last: CalendarDay?) throws -> (CalendarDay, CalendarDay) {
        let last = last ?? CalendarDay(clock.now(), in: timeZone)
        let first = first ?? CalendarDay(last.start(in: timeZone).addingTimeInterval(-29 * 86_400), in: timeZone)
        let span = last.start(in: timeZone).timeIntervalSince(first.start(in: timeZone)) / 86_400
        guard span >= 0, span < Double(Self.maximumListedDays) else {
            throw TicketError.invalidQuery(
                parameter: "from",
                expected: "a day not after 'to' (default: today) and less than \(Self.maximumListedDays) days before it"
            )
        }
        return (first, last)
    }

    private func scope(of principal: Principal) throws -> ReportScope {
        guard let scope = principal.reportScope else { throw TicketError.notReportReader }
        return scope
    }
}
