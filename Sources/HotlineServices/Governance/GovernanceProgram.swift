public import Foundation
public import HotlineDomain
public import HotlineStorage

/// The city's governance programme (每月一题) over the API: the annual screening of a year's
/// requests, the adoption of a screened problem as a task with a lead department, co-departments,
/// measures and months, the lead's monthly progress, and each task's effect measured from the
/// requests about its problem (`GovernanceTaskEffect`). Who may do what: `GovernanceAccess`.
public struct GovernanceProgram: Sendable {
    /// A task with its effect so far, as one task is served.
    public struct Detail: Sendable, Encodable {
        public var task: GovernanceTask
        public var effect: GovernanceTaskEffect
    }

    /// How many problems a screening lists at most.
    public static let maximumScreened = 200

    private let repository: any GovernanceTaskRepository
    private let reference: any ReferenceSource
    private let clock: any HotlineClock
    private let timeZone: TimeZone
    private let screening: AnnualScreening

    public init(
        repository: any GovernanceTaskRepository, reference: any ReferenceSource, clock: any HotlineClock,
        timeZone: TimeZone, screening: AnnualScreening = AnnualScreening()
    ) {
        self.repository = repository
        self.reference = reference
        self.clock = clock
        self.timeZone = timeZone
        self.screening = screening
    }

    /// The screening of `year` (default: last year), its first `limit` problems; for the city's watchers.
    public func screen(year: Int?, limit: Int, for principal: Principal) async throws -> ScreeningReport {
        guard principal.mayScreenProblems else { throw TicketError.notGovernanceActor("screening") }
        let today = self.today
        let year = year ?? today.year - 1
        guard (2000...today.year).contains(year) else {
            throw TicketError.invalidQuery(parameter: "year", expected: "a year from 2000 to \(today.year)")
        }
        let (tallies, previousYear) = try await repository.screeningTallies(year: year, timeZone: timeZone)
        return ScreeningReport(
            year: year, tallies: tallies, previousYear: previousYear, screening: screening,
            catalog: try await reference.current().reference.catalog, limit: limit)
    }

    /// Adopts a screened problem as a task, and tells its lead and co-departments through their
    /// inboxes; for administrators.
    public func adopt(_ adoption: GovernanceAdoption, for principal: Principal) async throws -> GovernanceTask {
        guard principal.mayAdoptGovernanceTasks else { throw TicketError.notGovernanceActor("adoption") }
        let catalog = try await reference.current().reference.catalog
        let kinds = try await repository.unitKinds([adoption.leadUnitCode] + adoption.coUnitCodes)
        let findings = adoption.findings(
            isLeaf: { catalog[$0]?.level == Catalog.leafLevel }, unitKinds: kinds, today: today)
        guard findings.isEmpty else { throw TicketError.invalid(findings) }
        let task = GovernanceTask(
            id: UUID(), screeningYear: adoption.screeningYear, leafCode: adoption.leafCode,
            leafName: catalog[adoption.leafCode]?.name, title: adoption.title, leadUnitCode: adoption.leadUnitCode,
            coUnitCodes: adoption.coUnitCodes, measures: adoption.measures, firstMonth: adoption.firstMonth,
            lastMonth: adoption.lastMonth, adoptedBy: principal.name, adoptedAt: clock.now())
        let notices = ([task.leadUnitCode] + task.coUnitCodes).map {
            InboxNotice(unitCode: $0, kind: .governanceTask, note: task.adoptionNote)
        }
        try await repository.adopt(task, notices: notices)
        return task
    }

    /// The tasks the caller reads, newest first.
    public func list(for principal: Principal) async throws -> [GovernanceTask] {
        let view = try view(of: principal)
        return try await repository.tasks(id: nil).filter { Self.shows($0, in: view) }
    }

    /// One task with its effect so far; `noSuchGovernanceTask` when the caller does not read it.
    public func task(_ id: UUID, for principal: Principal) async throws -> Detail {
        let view = try view(of: principal)
        let task = try await visibleTask(id, in: view)
        var effect = try await effect(of: task)
        if case .all(let district?) = view { effect.districts.removeAll { $0.districtCode != district } }
        return Detail(task: task, effect: effect)
    }

    /// Records the lead's report of a month (a second report of the same month corrects the first).
    public func report(
        _ report: GovernanceProgressReport, on id: UUID, for principal: Principal
    ) async throws -> GovernanceProgress {
        let task = try await visibleTask(id, in: try view(of: principal))
        guard principal.mayReportProgress(on: task) else { throw TicketError.notGovernanceActor("progress report") }
        let findings = report.findings(for: task, today: today)
        guard findings.isEmpty else { throw TicketError.invalid(findings) }
        return try await repository.saveProgress(report, of: id, by: principal.name, at: clock.now())
    }

    private func effect(of task: GovernanceTask) async throws -> GovernanceTaskEffect {
        guard let first = CalendarDay(month: task.firstMonth), let last = CalendarDay(month: task.lastMonth),
            let span = GovernanceTaskEffect.span(firstMonth: first, lastMonth: last, today: today)
        else { return .notYetMeasured }
        let counts = try await repository.monthlyCounts(
            of: task.leafCode, from: span.earliest, through: span.measured[span.measured.count - 1],
            timeZone: timeZone)
        return GovernanceTaskEffect.measure(counts: counts, measured: span.measured, before: span.before)
    }

    private var today: CalendarDay { CalendarDay(clock.now(), in: timeZone) }

    private func view(of principal: Principal) throws -> Principal.GovernanceTaskView {
        guard let view = principal.governanceTaskView else { throw TicketError.notGovernanceActor("reading tasks") }
        return view
    }

    /// Task `id` when `view` shows it, else `noSuchGovernanceTask`.
    private func visibleTask(_ id: UUID, in view: Principal.GovernanceTaskView) async throws -> GovernanceTask {
        guard let task = try await repository.tasks(id: id).first, Self.shows(task, in: view) else {
            throw TicketError.noSuchGovernanceTask(id)
        }
        return task
    }

    private static func shows(_ task: GovernanceTask, in view: Principal.GovernanceTaskView) -> Bool {
        switch view {
        case .all: true
        case .involving(let unit): task.involves(unit)
        }
    }
}
