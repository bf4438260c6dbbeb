import HotlineDomain
import HotlineServices
import HotlineStorage
import Hummingbird

/// `GET /reports`: the leaders' period report (hour, day, week or month) containing `at` (by
/// default the one that ended last) in the caller's scope, as the schedule stored it or
/// computed now; `GET /reports/stored`: the newest stored ones of a period. The city's watchers
/// read the city's, a sub-center its district's, a township its own; everyone else gets 403.
/// `GET /reports/warnings`: the early warnings of a span of days in the same scopes (a township
/// reads its own leaf × township warnings). `GET /reports/recurring`: the recurring problems
/// proposed to townships, in the same scopes as the reports. `GET /reports/governance-class`: the
/// townships' stays in the governance class (治理类) and when they left it (摘帽), same scopes.
enum ReportRoutes {
    static func add(to routes: RouterGroup<HotlineRequestContext>, _ services: GatewayServices) {
        routes.on("reports", .get, roles: Role.everyone) { request, _, principal in
            let query = QueryReader(request)
            let moment = try query.date("at")
            if let moment, !ReadPeriodReports.acceptedMoments.contains(moment) {
                throw QueryProblem.invalid("at", "a time in the years 2000 to 2099")
            }
            let served = try await services.reports.report(
                try query.choice("period", of: ReportPeriod.self) ?? .day, at: moment, for: principal)
            return try .json(PeriodReportView(stored: served.header, report: served.report))
        }
        routes.on("reports/stored", .get, roles: Role.everyone) { request, _, principal in
            let query = QueryReader(request)
            let headers = try await services.reports.list(
                try query.choice("period", of: ReportPeriod.self) ?? .day,
                limit: try query.limit(maximum: ReadPeriodReports.maximumListLength, fallback: 24), for: principal)
            return try .json(StoredReportList(items: headers))
        }
        routes.on("reports/warnings", .get, roles: Role.everyone) { request, _, principal in
            let query = QueryReader(request)
            let listed = try await services.reports.warnings(
                from: try query.day("from"), through: try query.day("to"), for: principal)
            return try .json(
                WarningList(from: listed.first.isoDescription, to: listed.last.isoDescription, items: listed.warnings))
        }
        routes.on("reports/recurring", .get, roles: Role.everyone) { request, _, principal in
            let query = QueryReader(request)
            let listed = try await services.reports.recurrences(
                from: try query.day("from"), through: try query.day("to"), for: principal)
            return try .json(
                RecurrenceList(
                    from: listed.first.isoDescription, to: listed.last.isoDescription, items: listed.problems))
        }
        routes.on("reports/governance-class", .get, roles: Role.everyone) { _, _, principal in
            try .json(GovernanceClassList(items: try await services.reports.governanceClass(for: principal)))
        }
    }
}

/// A period report as `GET /reports` answers: the report, and when the schedule produced it
/// (null when it was computed for this request).
struct PeriodReportView: Encodable {
    var stored: ScheduledReportStore.Header?
    var report: PeriodReport

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(stored, forKey: .stored)
        try container.encode(report, forKey: .report)
    }

    enum CodingKeys: String, CodingKey { case stored, report }
}

/// The early warnings of the days `from` through `to`, newest first.
struct WarningList: Encodable {
    var from: String
    var to: String
    var items: [DistrictWarning]
}

/// The recurring problems proposed for weeks starting on `from` through `to`, newest first.
struct RecurrenceList: Encodable {
    var from: String
    var to: String
    var items: [ProposedRecurrence]
}

/// The townships' stays in the governance class, newest first.
struct GovernanceClassList: Encodable {
    var items: [GovernanceClassSpell]
}

/// The stored reports of a period, newest first.
struct StoredReportList: Encodable {
    var items: [ScheduledReportStore.Header]
}
