/// What a city sets for its early warnings (预警): the window compared, the baselines it is
/// compared with, and how unusual a rise must be. Data: `Schemas/policy/early_warning.csv`.
public struct EarlyWarningPolicy: Sendable, Equatable {
    /// Days in the window that is tested (a week, so every weekday weighs the same).
    public var windowDays: Int
    /// Seasonal baseline: windows of the same weeks a year earlier, this many on each side of the
    /// window's own week.
    public var seasonalWindowsEachSide: Int
    /// Trailing baseline, used while less than a year of history exists: this many earlier windows.
    public var trailingWindows: Int
    /// Windows left out between the tested window and the trailing ones, so a slow rise is not
    /// absorbed into its own baseline.
    public var guardWindows: Int
    /// Fewest reference windows a test needs once windows disturbed by earlier warnings are left out.
    public var minimumReferenceWindows: Int
    /// The false-alarm probability of one day's test: a window is unusual when the chance of a
    /// count at least as high, given its reference windows and no change, is below it.
    public var falseAlarmProbability: Double
    /// Fewest requests in the window for a warning.
    public var minimumCount: Int
    /// Smallest ratio of the window to its expected count for a warning.
    public var minimumRatio: Double
    /// Days without an unusual window after which a warning is over and a new one can be raised.
    public var quietDays: Int
    /// The false-alarm probability of one day's test of a leaf in a township. A city has tens of
    /// thousands of such series with enough volume against a few hundred category × district
    /// ones, so each must be stricter for the warnings per district to stay few.
    public var townshipFalseAlarmProbability: Double
    /// Fewest requests in a leaf × township window for a warning: the volume below which such a
    /// series is not even read.
    public var townshipMinimumCount: Int

    public init(
        windowDays: Int = 7, seasonalWindowsEachSide: Int = 1, trailingWindows: Int = 5, guardWindows: Int = 1,
        minimumReferenceWindows: Int = 2, falseAlarmProbability: Double = 0.0002, minimumCount: Int = 10,
        minimumRatio: Double = 1.3, quietDays: Int = 7, townshipFalseAlarmProbability: Double = 0.00002,
        townshipMinimumCount: Int = 10
    ) {
        self.windowDays = windowDays
        self.seasonalWindowsEachSide = seasonalWindowsEachSide
        self.trailingWindows = trailingWindows
        self.guardWindows = guardWindows
        self.minimumReferenceWindows = minimumReferenceWindows
        self.falseAlarmProbability = falseAlarmProbability
        self.minimumCount = minimumCount
        self.minimumRatio = minimumRatio
        self.quietDays = quietDays
        self.townshipFalseAlarmProbability = townshipFalseAlarmProbability
        self.townshipMinimumCount = townshipMinimumCount
    }

    /// The policy a leaf × township series is tested with: this one with the townships' false-alarm
    /// probability and minimum count.
    public var forTownships: EarlyWarningPolicy {
        var policy = self
        policy.falseAlarmProbability = townshipFalseAlarmProbability
        policy.minimumCount = townshipMinimumCount
        return policy
    }

    /// Reads `key,value` rows; a key the file leaves out keeps its default, an unknown key or a
    /// value out of range is an error.
    public init(csv table: CSVTable) throws(CSVError) {
        self.init()
        for setting in try table.numericSettings() {
            switch setting.key {
            case "window_days": windowDays = try setting.whole(minimum: 1)
            case "seasonal_windows_each_side": seasonalWindowsEachSide = try setting.whole()
            case "trailing_windows": trailingWindows = try setting.whole(minimum: 1)
            case "guard_windows": guardWindows = try setting.whole()
            case "minimum_reference_windows": minimumReferenceWindows = try setting.whole(minimum: 1)
            case "false_alarm_probability": falseAlarmProbability = try setting.probability()
            case "minimum_count": minimumCount = try setting.whole()
            case "minimum_ratio": minimumRatio = setting.value
            case "quiet_days": quietDays = try setting.whole(minimum: 1)
            case "township_false_alarm_probability": townshipFalseAlarmProbability = try setting.probability()
            case "township_minimum_count": townshipMinimumCount = try setting.whole()
            default: throw setting.unknown(in: "early-warning")
            }
        }
    }
}
