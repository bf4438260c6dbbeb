public import Foundation

/// An early warning as stored and served: requests of a first-level category in one district,
/// or of one catalog leaf in one township where volume allows, rose in the window ending on
/// `day` beyond what the baseline explains.
public struct DistrictWarning: Sendable, Equatable, Codable {
    public var id: UUID
    /// The first-level category, or the leaf of a township's warning.
    public var categoryCode: String
    public var categoryName: String?
    public var districtCode: String
    /// The township of a leaf × township warning; nil for a category × district one.
    public var townshipCode: String?
    public var townshipName: String?
    /// The last day of the window (the city's calendar), `YYYY-MM-DD`.
    public var day: String
    public var windowDays: Int
    public var observed: Int
    public var expected: Double
    /// The chance of at least `observed` had nothing changed.
    public var probability: Double
    public var baseline: EarlyWarning.Baseline
    public var referenceWindows: Int
    public var raisedAt: Date

    public init(
        id: UUID, categoryCode: String, categoryName: String?, districtCode: String, townshipCode: String? = nil,
        townshipName: String? = nil, day: String, windowDays: Int, warning: EarlyWarning, raisedAt: Date
    ) {
        self.id = id
        self.categoryCode = categoryCode
        self.categoryName = categoryName
        self.districtCode = districtCode
        self.townshipCode = townshipCode
        self.townshipName = townshipName
        self.day = day
        self.windowDays = windowDays
        self.observed = warning.observed
        self.expected = warning.expected
        self.probability = warning.probability
        self.baseline = warning.baseline
        self.referenceWindows = warning.referenceWindows
        self.raisedAt = raisedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, day, observed, expected, probability, baseline
        case categoryCode = "category_code"
        case categoryName = "category_name"
        case districtCode = "district_code"
        case townshipCode = "township_code"
        case townshipName = "township_name"
        case windowDays = "window_days"
        case referenceWindows = "reference_windows"
        case raisedAt = "raised_at"
    }

    /// The inbox note: the category (and the township), the window's count against the
    /// expected one, and the baseline, so the reader sees at once why it was raised.
    public var note: String {
        var name = categoryName ?? categoryCode
        if let townshipCode { name = "\(townshipName ?? townshipCode)\(name)" }
        let basis = baseline == .seasonal ? "去年同期" : "此前数周"
        let expectedText = (expected * 10).rounded() / 10
        return "\(name)：截至\(day)的\(windowDays)日内\(observed)件，按\(basis)预期约\(expectedText)件"
    }
}

extension EarlyWarningDetector {
    /// Days of counts a scan needs up to the day it judges, so that the seasonal baseline (the
    /// same weeks a year earlier) is within reach.
    public var historyDays: Int { 364 + policy.seasonalWindowsEachSide * 7 + policy.windowDays }

    /// The warning raised on the last day of `counts` (one per day, oldest first), if any; the
    /// earlier days are its history, exactly as the day-by-day scan would have seen them.
    public func warningOnLastDay(_ counts: [Int]) -> EarlyWarning? {
        guard !counts.isEmpty else { return nil }
        return scan(counts, from: counts.count - 1).last
    }
}
