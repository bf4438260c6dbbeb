/// An administrator's adoption of a screened problem as a governance task (每月一题), as asked,
/// before it is checked against the catalog and the organisation (`findings` checks the rest).
public struct GovernanceAdoption: Sendable, Equatable, Decodable {
    /// Longest title, measure and progress summary, in characters.
    public static let maximumTitleLength = 100
    public static let maximumMeasureLength = 500
    public static let maximumMeasures = 20
    public static let maximumCoUnits = 20
    /// Longest span of a task, in months.
    public static let maximumMonths = 36

    public var screeningYear: Int
    public var leafCode: String
    public var title: String
    public var leadUnitCode: String
    public var coUnitCodes: [String]
    public var measures: [String]
    public var firstMonth: String
    public var lastMonth: String

    public init(
        screeningYear: Int, leafCode: String, title: String, leadUnitCode: String, coUnitCodes: [String],
        measures: [String], firstMonth: String, lastMonth: String
    ) {
        self.screeningYear = screeningYear
        self.leafCode = leafCode
        self.title = title
        self.leadUnitCode = leadUnitCode
        self.coUnitCodes = coUnitCodes
        self.measures = measures
        self.firstMonth = firstMonth
        self.lastMonth = lastMonth
    }

    enum CodingKeys: String, CodingKey {
        case title, measures
        case screeningYear = "screening_year"
        case leafCode = "leaf_code"
        case leadUnitCode = "lead_unit_code"
        case coUnitCodes = "co_unit_codes"
        case firstMonth = "first_month"
        case lastMonth = "last_month"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        screeningYear = try container.decode(Int.self, forKey: .screeningYear)
        leafCode = try container.decode(String.self, forKey: .leafCode)
        title = try container.decode(String.self, forKey: .title)
        leadUnitCode = try container.decode(String.self, forKey: .leadUnitCode)
        coUnitCodes = try container.decodeIfPresent([String].self, forKey: .coUnitCodes) ?? []
        measures = try container.decode([String].self, forKey: .measures)
        firstMonth = try container.decode(String.self, forKey: .firstMonth)
        lastMonth = try container.decode(String.self, forKey: .lastMonth)
    }

    /// What is wrong with the adoption itself, given the catalog's leaves and the kinds of the
    /// units it names (absent: no such unit), in the month `today` falls in: the task may not
    /// end before that month, and runs at most `maximumMonths`.
    public func findings(
        isLeaf: (String) -> Bool, unitKinds: [String: OrgUnit.Kind], today: CalendarDay
    ) -> [FieldFinding] {
        var findings: [FieldFinding] = []
        func add(_ field: String, _ detail: String) { findings.append(FieldFinding(field: field, detail: detail)) }
        if !(2000...2099).contains(screeningYear) || screeningYear > today.year {
            add("screening_year", "a year from 2000 to this one")
        }
        if !isLeaf(leafCode) { add("leaf_code", "a third-level catalog code (a leaf)") }
        if title.allSatisfy(\.isWhitespace) || title.count > Self.maximumTitleLength {
            add("title", "1 to \(Self.maximumTitleLength) characters")
        }
        if measures.isEmpty || measures.count > Self.maximumMeasures
            || measures.contains(where: { $0.allSatisfy(\.isWhitespace) || $0.count > Self.maximumMeasureLength })
        {
            add("measures", "1 to \(Self.maximumMeasures) measures of 1 to \(Self.maximumMeasureLength) characters")
        }
        let specialists: Set<OrgUnit.Kind> = [.department, .enterprise]
        if let kind = unitKinds[leadUnitCode] {
            if !specialists.contains(kind) { add("lead_unit_code", "a department or enterprise") }
        } else {
            add("lead_unit_code", "no org unit has this code")
        }
        if coUnitCodes.count > Self.maximumCoUnits || Set(coUnitCodes).count != coUnitCodes.count
            || coUnitCodes.contains(leadUnitCode)
        {
            add("co_unit_codes", "at most \(Self.maximumCoUnits) different units, the lead not among them")
        } else if let stray = coUnitCodes.first(where: { unitKinds[$0].map { !specialists.contains($0) } ?? true }) {
            add("co_unit_codes", "'\(stray.prefix(40))' is no department or enterprise")
        }
        let first = CalendarDay(month: firstMonth)
        let last = CalendarDay(month: lastMonth)
        if first == nil { add("first_month", "a month, YYYY-MM") }
        if last == nil { add("last_month", "a month, YYYY-MM") }
        if let first, let last {
            let span = first.months(to: last) + 1
            if span < 1 || span > Self.maximumMonths {
                add("last_month", "not before first_month, and at most \(Self.maximumMonths) months after it")
            } else if last < today.firstOfMonth {
                add("last_month", "not before this month")
            }
        }
        return findings
    }
}

/// A month's progress on a governance task, as its lead reports it.
public struct GovernanceProgressReport: Sendable, Equatable, Decodable {
    public static let maximumSummaryLength = 2_000

    /// `YYYY-MM`.
    public var month: String
    public var status: GovernanceProgress.Status
    public var summary: String

    public init(month: String, status: GovernanceProgress.Status, summary: String) {
        self.month = month
        self.status = status
        self.summary = summary
    }

    /// What is wrong with the report for `task` on `today`: a month of the task that has begun.
    public func findings(for task: GovernanceTask, today: CalendarDay) -> [FieldFinding] {
        var findings: [FieldFinding] = []
        if let month = CalendarDay(month: month) {
            if !task.months.contains(month) {
                findings.append(
                    FieldFinding(field: "month", detail: "a month of the task, \(task.firstMonth) to \(task.lastMonth)")
                )
            } else if today.firstOfMonth < month {
                findings.append(FieldFinding(field: "month", detail: "a month that has begun"))
            }
        } else {
            findings.append(FieldFinding(field: "month", detail: "a month, YYYY-MM"))
        }
        if summary.allSatisfy(\.isWhitespace) || summary.count > Self.maximumSummaryLength {
            findings.append(
                FieldFinding(field: "summary", detail: "1 to \(Self.maximumSummaryLength) characters"))
        }
        return findings
    }
}
