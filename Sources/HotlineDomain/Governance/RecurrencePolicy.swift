/// What a city sets for finding recurring problems (未诉先办): how many of the last weeks must be
/// unusual for one place, and how unusual. Data: `Schemas/policy/recurrence.csv`.
public struct RecurrencePolicy: Sendable, Equatable {
    /// Weeks looked back over.
    public var lookbackWeeks: Int
    /// Unusual weeks among them that make a problem recurring.
    public var minimumUnusualWeeks: Int
    /// A week is unusual for a place when a count as high had at most this chance at the place's
    /// expected rate.
    public var weekExceedance: Double
    /// Fewest requests in a week for it to count as unusual.
    public var minimumWeeklyCount: Int
    /// Weeks ahead a seasonal problem (one that was unusual in the same weeks a year ago) is
    /// proposed, so the township acts before the first call.
    public var seasonLeadWeeks: Int
    /// Weeks of last year's season looked at, from the week `seasonLeadWeeks` ahead.
    public var seasonWeeks: Int

    public init(
        lookbackWeeks: Int = 8, minimumUnusualWeeks: Int = 5, weekExceedance: Double = 0.05,
        minimumWeeklyCount: Int = 2, seasonLeadWeeks: Int = 3, seasonWeeks: Int = 6
    ) {
        self.lookbackWeeks = lookbackWeeks
        self.minimumUnusualWeeks = minimumUnusualWeeks
        self.weekExceedance = weekExceedance
        self.minimumWeeklyCount = minimumWeeklyCount
        self.seasonLeadWeeks = seasonLeadWeeks
        self.seasonWeeks = seasonWeeks
    }

    /// Reads `key,value` rows; a key the file leaves out keeps its default.
    public init(csv table: CSVTable) throws(CSVError) {
        self.init()
        for setting in try table.numericSettings() {
            switch setting.key {
            case "lookback_weeks": lookbackWeeks = try setting.whole(minimum: 1, maximum: 52)
            case "minimum_unusual_weeks": minimumUnusualWeeks = try setting.whole(minimum: 1, maximum: 52)
            case "week_exceedance": weekExceedance = try setting.probability()
            case "minimum_weekly_count": minimumWeeklyCount = try setting.whole(minimum: 1)
            case "season_lead_weeks": seasonLeadWeeks = try setting.whole(maximum: 26)
            case "season_weeks": seasonWeeks = try setting.whole(minimum: 1, maximum: 26)
            default: throw setting.unknown(in: "recurrence")
            }
        }
        guard minimumUnusualWeeks <= lookbackWeeks else {
            throw CSVError(line: 1, message: "minimum_unusual_weeks cannot exceed lookback_weeks")
        }
    }
}
