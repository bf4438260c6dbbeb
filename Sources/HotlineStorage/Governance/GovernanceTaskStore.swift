public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// Governance tasks (`governance_tasks`, `governance_task_progress`): the year's requests the
/// annual screening ranks, the tasks adopted from it with their monthly progress, and the monthly
/// requests about a task's problem per district that its effect is measured from.
public enum GovernanceTaskStore {
    /// The requests of `year` per leaf, district, township and month (in `timeZone`), and each
    /// leaf's requests in the year before.
    public static func screeningTallies(
        year: Int, timeZone: TimeZone, on connection: PostgresConnection, logger: Logger
    ) async throws -> (tallies: [AnnualScreening.Tally], previousYear: [String: Int]) {
        let start = CalendarDay(year: year, month: 1, day: 1).start(in: timeZone)
        let end = CalendarDay(year: year + 1, month: 1, day: 1).start(in: timeZone)
        let previousStart = CalendarDay(year: year - 1, month: 1, day: 1).start(in: timeZone)
        let rows = try await connection.query(
            """
            SELECT category_code, district_code, township_code,
                   extract(month FROM received_at AT TIME ZONE \(timeZone.identifier))::int, count(*)::int
            FROM tickets
            WHERE received_at >= \(start) AND received_at < \(end)
              AND category_code IS NOT NULL AND district_code IS NOT NULL AND township_code IS NOT NULL
            GROUP BY 1, 2, 3, 4
            """, logger: logger)
        var tallies: [AnnualScreening.Tally] = []
        for try await (leaf, district, township, month, count) in rows.decode((String, String, String, Int, Int).self) {
            tallies.append(
                AnnualScreening.Tally(
                    leafCode: leaf, districtCode: district, townshipCode: township, month: month, count: count))
        }
        let previousRows = try await connection.query(
            """
            SELECT category_code, count(*)::int FROM tickets
            WHERE received_at >= \(previousStart) AND received_at < \(start) AND category_code IS NOT NULL
            GROUP BY 1
            """, logger: logger)
        var previousYear: [String: Int] = [:]
        for try await (leaf, count) in previousRows.decode((String, Int).self) { previousYear[leaf] = count }
        return (tallies, previousYear)
    }

    /// The requests about `leaf` per district and month (as the month's first day, in
    /// `timeZone`), from month `first` through month `last`.
    public static func monthlyCounts(
        of leaf: String, from first: CalendarDay, through last: CalendarDay, timeZone: TimeZone,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> [String: [CalendarDay: Int]] {
        let rows = try await connection.query(
            """
            SELECT district_code, to_char(received_at AT TIME ZONE \(timeZone.identifier), 'YYYY-MM'), count(*)::int
            FROM tickets
            WHERE category_code = \(leaf) AND district_code IS NOT NULL
              AND received_at >= \(first.start(in: timeZone)) AND received_at < \(last.nextMonth.start(in: timeZone))
            GROUP BY 1, 2
            """, logger: logger)
        var counts: [String: [CalendarDay: Int]] = [:]
        for try await (district, month, count) in rows.decode((String, String, Int).self) {
            guard let month = CalendarDay(month: month) else { continue }
            counts[district, default: [:]][month] = count
        }
        return counts
    }

    /// Stores a newly adopted task.
    public static func insert(_ task: GovernanceTask, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            """
            INSERT INTO governance_tasks (id, screening_year, leaf_code, title, lead_unit, co_units, measures,
                                          first_month, last_month, adopted_by, adopted_at)
            VALUES (\(task.id), \(task.screeningYear), \(task.leafCode), \(task.title), \(task.leadUnitCode),
                    \(task.coUnitCodes)::text[], \(task.measures)::text[], (\(task.firstMonth) || '-01')::date,
                    (\(task.lastMonth) || '-01')::date, \(task.adoptedBy), \(task.adoptedAt))
            """, logger: logger)
    }

    /// The tasks (only `id` when given), newest first, with their progress.
    public static func tasks(
        id: UUID? = nil, on connection: PostgresConnection, logger: Logger
    ) async throws -> [GovernanceTask] {
        let rows = try await connection.query(
            """
            SELECT t.id, t.screening_year, t.leaf_code, c.name, t.title, t.lead_unit, t.co_units, t.measures,
                   to_char(t.first_month, 'YYYY-MM'), to_char(t.last_month, 'YYYY-MM'), t.adopted_by, t.adopted_at
            FROM governance_tasks t LEFT JOIN catalog_entries c ON c.code = t.leaf_code
            WHERE \(id)::uuid IS NULL OR t.id = \(id)
            ORDER BY t.adopted_at DESC, t.id
            """, logger: logger)
        var tasks: [GovernanceTask] = []
        for try await row in rows {
            let (id, year, leaf, name, title, lead, coUnits, measures, first, last, adoptedBy, adoptedAt) =
                try row.decode(
                    (UUID, Int, String, String?, String, String, [String], [String], String, String, String, Date).self)
            tasks.append(
                GovernanceTask(
                    id: id, screeningYear: year, leafCode: leaf, leafName: name, title: title, leadUnitCode: lead,
                    coUnitCodes: coUnits, measures: measures, firstMonth: first, lastMonth: last, adoptedBy: adoptedBy,
                    adoptedAt: adoptedAt))
        }
        guard !tasks.isEmpty else { return [] }
        let progress = try await connection.query(
            """
            SELECT task_id, to_char(month, 'YYYY-MM'), status, summary, reported_by, first_reported_at, reported_at
            FROM governance_task_progress WHERE task_id = ANY(\(tasks.map(\.id))::uuid[])
            ORDER BY month
            """, logger: logger)
        var reports: [UUID: [GovernanceProgress]] = [:]
        for try await (task, month, status, summary, reportedBy, first, reportedAt) in progress.decode(
            (UUID, String, String, String, String, Date, Date).self)
        {
            reports[task, default: []].append(
                GovernanceProgress(
                    month: month, status: try .stored(status, column: "governance_task_progress.status"),
                    summary: summary, reportedBy: reportedBy, firstReportedAt: first, reportedAt: reportedAt))
        }
        return tasks.map { task in
            var task = task
            task.progress = reports[task.id] ?? []
            return task
        }
    }

    /// Stores the report of a month, replacing an earlier report of the same month (whose first
    /// time it keeps); the report as stored.
    public static func saveProgress(
        _ report: GovernanceProgressReport, of task: UUID, by person: String, at time: Date,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> GovernanceProgress {
        let rows = try await connection.query(
            """
            INSERT INTO governance_task_progress (task_id, month, status, summary, reported_by, first_reported_at, reported_at)
            VALUES (\(task), (\(report.month) || '-01')::date, \(report.status.rawValue), \(report.summary), \(person),
                    \(time), \(time))
            ON CONFLICT (task_id, month) DO UPDATE
                SET status = EXCLUDED.status, summary = EXCLUDED.summary, reported_by = EXCLUDED.reported_by,
                    reported_at = EXCLUDED.reported_at
            RETURNING first_reported_at
            """, logger: logger)
        var first = time
        for try await (stored) in rows.decode(Date.self) { first = stored }
        return GovernanceProgress(
            month: report.month, status: report.status, summary: report.summary, reportedBy: person,
            firstReportedAt: first, reportedAt: time)
    }

    /// The tasks running in `month` whose lead has not reported it.
    public static func unreported(
        month: CalendarDay, on connection: PostgresConnection, logger: Logger
    ) async throws -> [(id: UUID, title: String, leadUnitCode: String)] {
        let rows = try await connection.query(
            """
            SELECT t.id, t.title, t.lead_unit FROM governance_tasks t
            WHERE \(month.isoDescription)::date BETWEEN t.first_month AND t.last_month
              AND NOT EXISTS (
                  SELECT 1 FROM governance_task_progress p
                  WHERE p.task_id = t.id AND p.month = \(month.isoDescription)::date)
            ORDER BY t.id
            """, logger: logger)
        var tasks: [(id: UUID, title: String, leadUnitCode: String)] = []
        for try await (id, title, lead) in rows.decode((UUID, String, String).self) {
            tasks.append((id, title, lead))
        }
        return tasks
    }
}
