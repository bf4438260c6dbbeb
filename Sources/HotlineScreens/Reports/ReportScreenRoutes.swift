import Foundation
import HotlineDomain
import HotlineGateway
import HotlineServices
import HotlineStorage
import Hummingbird

/// `GET /ui/reports?period=hour|day|week|month&at=`: the leaders' period report (小时报、日通报、
/// 周汇总、月分析) containing `at` (a day, or a day and time in the city's zone; by default the
/// period that ended last) in the reader's scope, as `GET /reports` serves it: the stored one
/// with when the schedule produced it, else counted now. Tabs switch the period, links step to
/// the previous and next one, and the newest stored reports of the scope are listed. Readers
/// are those of the API (`Principal.reportScope`); everyone else gets the 403 page.
enum ReportScreenRoutes {
    /// How many stored reports the page lists.
    static let storedListed = 12

    static func add(to screens: RouterGroup<ScreenRequestContext>, _ services: ScreenServices) {
        screens.on("reports", .get, roles: Role.everyone) { request, context, principal in
            guard let scope = principal.reportScope else { throw ScreenError.forbidden }
            let query = request.uri.queryParameters
            let period =
                try query["period"].map { value in
                    guard let period = ReportPeriod(rawValue: String(value)) else {
                        throw ScreenError.invalid(services.renderer.text("reports.bad_period", context))
                    }
                    return period
                } ?? .day
            let moment = try query["at"].map { value in
                guard let moment = Self.moment(String(value)) else {
                    throw ScreenError.invalid(services.renderer.text("reports.bad_at", context))
                }
                return moment
            }
            let served = try await services.api.reports.report(period, at: moment, for: principal)
            let stored = try await services.api.reports.list(period, limit: Self.storedListed, for: principal)
            let words = services.renderer.resources.strings.strings(context.language)
            var data = PeriodReportPage.body(served.report, zone: CityTime.zone, words: words)
            data.merge(
                Self.frame(
                    period, served, stored: stored, scope: scope, now: services.renderer.clock.now(), words: words)
            ) { _, frame in frame }
            return try services.renderer.page("reports", titleKey: "reports.title", data, request, context)
        }
    }

    /// What surrounds the report on the page: the period tabs, the steps to the previous and
    /// next period (none past now), the scope, when the schedule produced it, the stored list.
    static func frame(
        _ period: ReportPeriod, _ served: ReadPeriodReports.Served, stored: [ScheduledReportStore.Header],
        scope: ReportScope, now: Date, words: [String: String]
    ) -> [String: Any] {
        let report = served.report
        let at = CityTime.formValue(report.start)
        let scopeKey =
            switch scope {
            case .city: "reports.scope.city"
            case .district: "reports.scope.district"
            case .township: "reports.scope.township"
            }
        var frame: [String: Any] = [
            "period": period.rawValue, "at": at,
            "reportTitle": words["assessment.report.title.\(period.rawValue)"] ?? period.rawValue,
            "scopeLabel": (words[scopeKey] ?? scopeKey) + (scope == .city ? "" : "（\(report.scope)）"),
            "periods": ReportPeriod.allCases.map {
                [
                    "code": $0.rawValue, "at": at, "current": $0 == period,
                    "label": words["assessment.report.title.\($0.rawValue)"] ?? $0.rawValue,
                ] as [String: Any]
            },
            "previousAt": CityTime.formValue(report.start.addingTimeInterval(-60)),
            "stored": stored.map {
                [
                    "period": $0.period.rawValue, "at": CityTime.formValue($0.start), "start": CityTime.shown($0.start),
                    "end": CityTime.shown($0.end), "producedAt": CityTime.shown($0.producedAt),
                ]
            },
            "hasStored": !stored.isEmpty,
        ]
        if report.end <= now { frame["nextAt"] = CityTime.formValue(report.end) }
        if let header = served.header { frame["producedAt"] = CityTime.shown(header.producedAt) }
        return frame
    }

    /// The moment `text` names: a day (`2026-12-03`, its start) or a day and time
    /// (`2026-12-03T08:00`) in the city's zone, or ISO 8601; nil when none, or outside the years
    /// the API accepts.
    static func moment(_ text: String) -> Date? {
        let moment = CityTime.parse(text.count == 10 ? text + "T00:00" : text)
        return moment.flatMap { ReadPeriodReports.acceptedMoments.contains($0) ? $0 : nil }
    }
}
