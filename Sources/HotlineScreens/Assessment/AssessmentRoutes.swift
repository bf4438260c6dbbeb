import HotlineDomain
import HotlineServices
import Hummingbird

/// `GET /ui/assessment?month=YYYY-MM`: the month's assessment ranking (考核排名) by tier, with
/// the three rates, score, rank (ties share one), class and the change against the previous
/// month; printable. The city's watchers see every unit, a sub-center its district's townships
/// (`MonthlyRanking`).
enum AssessmentRoutes {
    static func add(to screens: RouterGroup<ScreenRequestContext>, _ services: ScreenServices) {
        screens.on("assessment", .get, roles: Role.everyone) { request, context, principal in
            let month =
                try request.uri.queryParameters["month"].map { value in
                    guard let month = Self.month(String(value)) else {
                        throw ScreenError.invalid(services.renderer.text("assessment.bad_month", context))
                    }
                    return month
                } ?? services.ranking.currentMonth
            let ranking = try await services.ranking.ranking(month: month, for: principal)
            let words = services.renderer.resources.strings.strings(context.language)
            func text(_ key: String) -> String { words[key] ?? key }
            let lines = ranking.entries.map { (tier: $0.result.tier.rawValue, row: RankingView.row($0, text: text)) }
            let data: [String: Any] = [
                "month": Self.text(month), "previousMonth": Self.text(month.previousMonth),
                "nextMonth": Self.text(month.nextMonth), "district": principal.rankingDistrict != nil,
                "tiers": RankingView.tiers(lines, text: text),
            ]
            return try services.renderer.page("assessment", titleKey: "assessment.title", data, request, context)
        }
    }

    /// The month `YYYY-MM` names (its first day), nil when it names none.
    static func month(_ text: String) -> CalendarDay? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
            (1...12).contains(month)
        else { return nil }
        return CalendarDay(year: year, month: month, day: 1)
    }

    /// `month` as `YYYY-MM`.
    static func text(_ month: CalendarDay) -> String { String(month.isoDescription.prefix(7)) }
}
