import HotlineDomain
import HotlineServices
import HotlineStorage

/// A unit's line of the monthly ranking as templates read it (`assessment-ranking`): rank, name,
/// the three rates, score, class and the change of rank against the previous month; the same for
/// the ranking page and the monthly report.
enum RankingView {
    /// A line of the ranking page, words from `text`.
    static func row(_ entry: MonthlyRanking.Entry, text: (String) -> String) -> [String: Any] {
        let result = entry.result
        var row = fields(
            code: result.unitCode, name: result.unitName, rank: result.rank,
            rates: (result.responseRate, result.resolutionRate, result.satisfactionRate), score: result.score,
            classKey: result.assessmentClass?.rawValue, dispatched: result.figures.dispatched, text: text)
        let (change, direction): (String, String) =
            switch (entry.rankChange, result.rank) {
            case (let change?, _) where change > 0: (text("assessment.up") + String(change), "up")
            case (let change?, _) where change < 0: (text("assessment.down") + String(-change), "down")
            case (.some, _): (text("assessment.same"), "same")
            case (nil, .some): (text("assessment.new_in_ranking"), "new")
            case (nil, nil): ("-", "none")
            }
        row["change"] = change
        row["direction"] = direction
        return row
    }

    /// A line of a period report's ranking (which carries no previous rank), words from `text`.
    static func row(_ entry: PeriodReport.RankingEntry, text: (String) -> String) -> [String: Any] {
        var row = fields(
            code: entry.unitCode, name: entry.unitName, rank: entry.rank,
            rates: (entry.responseRate, entry.resolutionRate, entry.satisfactionRate), score: entry.score,
            classKey: entry.assessmentClass.isEmpty ? nil : entry.assessmentClass, dispatched: entry.dispatched,
            text: text)
        row["change"] = "-"
        row["direction"] = "none"
        return row
    }

    /// The ranking's tiers that have units, each with its title and its lines (`lines` by tier).
    static func tiers(_ lines: [(tier: String, row: [String: Any])], text: (String) -> String) -> [[String: Any]] {
        AssessedTier.allCases.compactMap { tier in
            let rows = lines.filter { $0.tier == tier.rawValue }.map(\.row)
            guard !rows.isEmpty else { return nil }
            return [
                "tier": tier.rawValue, "title": text("assessment.tier.\(tier.rawValue)"),
                "ranked": rows.count { $0["ranked"] as? Bool == true }, "units": rows.count, "rows": rows,
            ]
        }
    }

    private static func fields(
        code: String, name: String, rank: Int?, rates: (Double?, Double?, Double?), score: Double?,
        classKey: String?, dispatched: Int, text: (String) -> String
    ) -> [String: Any] {
        [
            "code": code, "name": name, "rank": rank.map(String.init) ?? "-", "ranked": rank != nil,
            "response": FigureFormat.percent(rates.0), "resolution": FigureFormat.percent(rates.1),
            "satisfaction": FigureFormat.percent(rates.2), "score": FigureFormat.score(score),
            "dispatched": dispatched, "classKey": classKey ?? "", "hasClass": classKey != nil,
            "class": classKey.map { text("assessment.class.\($0)") } ?? "",
        ]
    }
}
