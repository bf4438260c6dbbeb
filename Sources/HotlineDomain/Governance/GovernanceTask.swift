public import Foundation

/// A governance task (每月一题): a problem the annual screening put forward (a catalog leaf),
/// adopted by an administrator for a lead department or enterprise, with co-departments, the
/// measures agreed and the months it runs; the lead reports progress each month, and the effect
/// is measured from the requests (`GovernanceTaskEffect`).
public struct GovernanceTask: Sendable, Equatable, Codable {
    public var id: UUID
    /// The year whose screening proposed the problem.
    public var screeningYear: Int
    public var leafCode: String
    public var leafName: String?
    public var title: String
    public var leadUnitCode: String
    public var coUnitCodes: [String]
    public var measures: [String]
    /// The first month the task runs, `YYYY-MM`.
    public var firstMonth: String
    /// The last month it runs, `YYYY-MM`.
    public var lastMonth: String
    public var adoptedBy: String
    public var adoptedAt: Date
    /// The monthly reports, oldest month first.
    public var progress: [GovernanceProgress]

    public init(
        id: UUID, screeningYear: Int, leafCode: String, leafName: String?, title: String, leadUnitCode: String,
        coUnitCodes: [String], measures: [String], firstMonth: String, lastMonth: String, adoptedBy: String,
        adoptedAt: Date, progress: [GovernanceProgress] = []
    ) {
        self.id = id
        self.screeningYear = screeningYear
        self.leafCode = leafCode
        self.leafName = leafName
        self.title = title
        self.leadUnitCode = leadUnitCode
        self.coUnitCodes = coUnitCodes
        self.measures = measures
        self.firstMonth = firstMonth
        self.lastMonth = lastMonth
        self.adoptedBy = adoptedBy
        self.adoptedAt = adoptedAt
        self.progress = progress
    }

    enum CodingKeys: String, CodingKey {
        case id, title, measures, progress
        case screeningYear = "screening_year"
        case leafCode = "leaf_code"
        case leafName = "leaf_name"
        case leadUnitCode = "lead_unit_code"
        case coUnitCodes = "co_unit_codes"
        case firstMonth = "first_month"
        case lastMonth = "last_month"
        case adoptedBy = "adopted_by"
        case adoptedAt = "adopted_at"
    }

    /// Whether `unit` leads the task or helps with it.
    public func involves(_ unit: String?) -> Bool {
        guard let unit else { return false }
        return unit == leadUnitCode || coUnitCodes.contains(unit)
    }

    /// The task's months, `first` through `last`, as the first days of the months.
    public var months: [CalendarDay] {
        guard let first = CalendarDay(month: firstMonth), let last = CalendarDay(month: lastMonth) else { return [] }
        return (0...max(0, first.months(to: last))).map { first.addingMonths($0) }
    }

    /// The inbox note that tells the lead and co-departments of the adoption.
    public var adoptionNote: String {
        "每月一题：\(title)（\(leafName ?? leafCode)），\(firstMonth)至\(lastMonth)，措施\(measures.count)项，每月报送进展"
    }

    /// The inbox note that reminds the lead of task `title` of a month's missing report.
    public static func progressDueNote(title: String, month: CalendarDay) -> String {
        "每月一题：\(title)，\(month.monthDescription)进展尚未报送"
    }
}

/// The lead department's report of a month's progress on a governance task.
public struct GovernanceProgress: Sendable, Equatable, Codable {
    /// How the month went.
    public enum Status: String, Sendable, Codable, CaseIterable {
        case onSchedule = "on_schedule"
        case behind
        case completed
    }

    /// `YYYY-MM`.
    public var month: String
    public var status: Status
    public var summary: String
    public var reportedBy: String
    /// When the month was first reported (a correction keeps it).
    public var firstReportedAt: Date
    public var reportedAt: Date

    public init(
        month: String, status: Status, summary: String, reportedBy: String, firstReportedAt: Date, reportedAt: Date
    ) {
        self.month = month
        self.status = status
        self.summary = summary
        self.reportedBy = reportedBy
        self.firstReportedAt = firstReportedAt
        self.reportedAt = reportedAt
    }

    enum CodingKeys: String, CodingKey {
        case month, status, summary
        case reportedBy = "reported_by"
        case firstReportedAt = "first_reported_at"
        case reportedAt = "reported_at"
    }
}
