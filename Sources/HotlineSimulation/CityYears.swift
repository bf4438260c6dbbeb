import Foundation
public import HotlineDomain

/// The city's requests over years, as counts, with what the governance detectors must find put
/// in on purpose: seasons (heating from November, rain in July and August, schools in September),
/// surges in one category of one district, problems that recur in one township (for weeks, or
/// every year in the same season), and hot problems the annual screening should rank first.
/// Counts, not tickets: a full-scale year of Beijing (11 million requests) is made in seconds,
/// and the truth of every injection is known. Day 0 is 1 January of the first year; a year is
/// 364 days (52 weeks), so weekdays line up across years. Pure and seeded.
public struct CityYears: Sendable {
    /// A category's volume in one district multiplied for some days.
    public struct Surge: Sendable, Equatable {
        public var categoryCode: String
        public var districtCode: String
        public var firstDay: Int
        public var days: Int
        public var factor: Double

        public init(categoryCode: String, districtCode: String, firstDay: Int, days: Int, factor: Double) {
            self.categoryCode = categoryCode
            self.districtCode = districtCode
            self.firstDay = firstDay
            self.days = days
            self.factor = factor
        }
    }

    /// A problem bound to one township: extra requests each week for some weeks, repeated every
    /// year when seasonal.
    public struct Recurrence: Sendable, Equatable {
        public var leafCode: String
        public var districtCode: String
        public var townshipCode: String
        public var firstWeek: Int
        public var weeks: Int
        public var perWeek: Double
        public var seasonal: Bool

        public init(
            leafCode: String, districtCode: String, townshipCode: String, firstWeek: Int, weeks: Int,
            perWeek: Double, seasonal: Bool
        ) {
            self.leafCode = leafCode
            self.districtCode = districtCode
            self.townshipCode = townshipCode
            self.firstWeek = firstWeek
            self.weeks = weeks
            self.perWeek = perWeek
            self.seasonal = seasonal
        }
    }

    /// A leaf asked about `factor` times as often as its category's other leaves, in every
    /// district (widespread) or in one.
    public struct HotProblem: Sendable, Equatable {
        public var leafCode: String
        public var factor: Double
        /// Nil: every district.
        public var districtCode: String?
    }

    /// Everything put in on purpose.
    public struct Injections: Sendable, Equatable {
        public var surges: [Surge] = []
        public var recurrences: [Recurrence] = []
        public var hotProblems: [HotProblem] = []

        public init(surges: [Surge] = [], recurrences: [Recurrence] = [], hotProblems: [HotProblem] = []) {
            self.surges = surges
            self.recurrences = recurrences
            self.hotProblems = hotProblems
        }
    }

    /// The generated counts.
    public struct Counts: Sendable {
        public let days: Int
        public let categories: [String]
        public let districts: [String]
        public let leaves: [String]
        public let townships: [String]
        /// The district of each township, by index.
        public let townshipDistrict: [Int]
        /// [category][district][day].
        let daily: [Int32]
        /// [leaf][township][week].
        let weekly: [UInt16]
        /// [leaf][township][month of the last year, 0–11].
        let lastYearMonthly: [Int32]
        /// Requests per leaf in the year before the last.
        public let firstYearTotals: [String: Int]
        public var weeks: Int { (days + 6) / 7 }

        /// Requests per day about `category` in `district`.
        public func daily(category: Int, district: Int) -> ArraySlice<Int32> {
            let start = (category * districts.count + district) * days
            return daily[start..<(start + days)]
        }

        /// Requests per week about `leaf` in `township`.
        public func weekly(leaf: Int, township: Int) -> ArraySlice<UInt16> {
            let start = (leaf * townships.count + township) * weeks
            return weekly[start..<(start + weeks)]
        }

        /// The last year's requests per leaf, township and month, for the annual screening.
        public func lastYearTallies() -> [AnnualScreening.Tally] {
            var tallies: [AnnualScreening.Tally] = []
            for leaf in leaves.indices {
                for township in townships.indices {
                    for month in 0..<12 {
                        let count = lastYearMonthly[(leaf * townships.count + township) * 12 + month]
                        guard count > 0 else { continue }
                        tallies.append(
                            AnnualScreening.Tally(
                                leafCode: leaves[leaf], districtCode: districts[townshipDistrict[township]],
                                townshipCode: townships[township], month: month + 1, count: Int(count)))
                    }
                }
            }
            return tallies
        }

        public var total: Int { daily.reduce(0) { $0 + Int($1) } }
    }

    public let reference: ReferenceData

    public init(reference: ReferenceData) {
        self.reference = reference
    }

    /// Days in a simulated year.
    public static let yearDays = 364

    /// Counts of `days` days at `perDay` requests on an ordinary day (Beijing: about 30,000).
    public func counts(seed: UInt64, days: Int, perDay: Double, injections: Injections) -> Counts {
        var random = SeededGenerator(seed: seed)
        let layout = Layout(reference: reference)
        let weeks = (days + 6) / 7
        let lastYearStart = max(0, days - Self.yearDays)
        var daily = [Int32](repeating: 0, count: layout.categories.count * layout.districts.count * days)
        var weekly = [UInt16](repeating: 0, count: layout.leaves.count * layout.townships.count * weeks)
        var monthly = [Int32](repeating: 0, count: layout.leaves.count * layout.townships.count * 12)
        var firstYear = [Int](repeating: 0, count: layout.leaves.count)
        let picker = LeafPicker(layout: layout, hotProblems: injections.hotProblems)
        let districtShare = layout.districts.map { CityModel.districtWeights[$0] ?? 1 }
        let districtTotal = districtShare.reduce(0, +)
        let categoryShare = layout.categories.map { CityModel.categoryWeights[$0] ?? 1 }
        let categoryTotal = categoryShare.reduce(0, +)

        func record(leaf: Int, township: Int, day: Int, count: Int) {
            let district = layout.townshipDistrict[township]
            daily[(layout.leafCategory[leaf] * layout.districts.count + district) * days + day] += Int32(count)
            let cell = (leaf * layout.townships.count + township) * weeks + day / 7
            weekly[cell] = UInt16(min(Int(UInt16.max), Int(weekly[cell]) + count))
            if day >= lastYearStart {
                monthly[(leaf * layout.townships.count + township) * 12 + Self.month(of: day - lastYearStart)] +=
                    Int32(count)
            } else if day >= lastYearStart - Self.yearDays {
                firstYear[leaf] += count
            }
        }

        for day in 0..<days {
            let weekdayFactor = day % 7 >= 5 ? 0.75 : 1.1
            for (category, code) in layout.categories.enumerated() {
                let season = Self.season(of: code, dayOfYear: day % Self.yearDays)
                for district in layout.districts.indices {
                    var mean =
                        perDay * weekdayFactor * season * categoryShare[category] / categoryTotal
                        * districtShare[district] / districtTotal
                    for surge in injections.surges
                    where surge.categoryCode == code && surge.districtCode == layout.districts[district]
                        && (surge.firstDay..<(surge.firstDay + surge.days)).contains(day)
                    {
                        mean *= surge.factor
                    }
                    let townships = layout.districtTownships[district]
                    guard !townships.isEmpty else { continue }
                    for _ in 0..<random.poisson(mean: mean) {
                        let leaf = picker.pick(category: category, district: district, &random)
                        let township = townships[Int(random.unit() * Double(townships.count))]
                        record(leaf: leaf, township: township, day: day, count: 1)
                    }
                }
            }
        }
        for recurrence in injections.recurrences {
            guard let leaf = layout.leafIndex[recurrence.leafCode],
                let township = layout.townshipIndex[recurrence.townshipCode]
            else { continue }
            let repeats = recurrence.seasonal ? Array(stride(from: 0, to: weeks, by: 52)) : [0]
            for offset in repeats {
                for week in (recurrence.firstWeek + offset)..<(recurrence.firstWeek + offset + recurrence.weeks)
                where week * 7 < days {
                    let count = random.poisson(mean: recurrence.perWeek)
                    guard count > 0 else { continue }
                    record(
                        leaf: leaf, township: township, day: min(days - 1, week * 7 + Int(random.unit() * 7)),
                        count: count)
                }
            }
        }
        return Counts(
            days: days, categories: layout.categories, districts: layout.districts, leaves: layout.leaves,
            townships: layout.townships, townshipDistrict: layout.townshipDistrict, daily: daily, weekly: weekly,
            lastYearMonthly: monthly,
            firstYearTotals: Dictionary(
                uniqueKeysWithValues: zip(layout.leaves, firstYear).filter { $0.1 > 0 }))
    }

    /// How much more a category is asked about on a day of the year than on an ordinary day: the
    /// heating season (from mid-October, highest in November), rain in July and August, green
    /// spaces in early summer, schools in September. Ramps over weeks, as complaints do.
    static func season(of category: String, dayOfYear day: Int) -> Double {
        func bump(centre: Double, width: Double, height: Double) -> Double {
            let distance = min(abs(Double(day) - centre), Double(yearDays) - abs(Double(day) - centre))
            return height * exp(-(distance * distance) / (2 * width * width))
        }
        switch category {
        case "UTL": return 1 + bump(centre: 320, width: 21, height: 1.5) + bump(centre: 20, width: 30, height: 0.6)
        case "MUN": return 1 + bump(centre: 200, width: 18, height: 0.8)
        case "GRN", "ENV": return 1 + bump(centre: 160, width: 30, height: 0.4)
        case "EDU": return 1 + bump(centre: 248, width: 10, height: 0.5)
        default: return 1
        }
    }

    /// The month (0–11) of a day of a 364-day year.
    static func month(of dayOfYear: Int) -> Int { min(11, dayOfYear * 12 / yearDays) }
}

extension CityYears {
    /// Indexes of the city's categories, districts, leaves and townships.
    struct Layout {
        var categories: [String]
        var districts: [String]
        var leaves: [String]
        var leafCategory: [Int]
        var leafIndex: [String: Int]
        var categoryLeaves: [[Int]]
        var townships: [String]
        var townshipIndex: [String: Int]
        var townshipDistrict: [Int]
        var districtTownships: [[Int]]

        init(reference: ReferenceData) {
            let catalog = reference.catalog
            let withLeaves = Set(catalog.leaves.map { catalog.path(to: $0.code)[0] })
            categories = CityModel.categoryWeights.keys.sorted().filter(withLeaves.contains)
            let categoryIndex = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, $0) })
            let known = catalog.leaves.filter { categoryIndex[catalog.path(to: $0.code)[0]] != nil }
            leaves = known.map(\.code)
            leafCategory = known.map { categoryIndex[catalog.path(to: $0.code)[0]]! }
            leafIndex = Dictionary(uniqueKeysWithValues: leaves.enumerated().map { ($1, $0) })
            var byCategory = [[Int]](repeating: [], count: categories.count)
            for (leaf, category) in leafCategory.enumerated() { byCategory[category].append(leaf) }
            categoryLeaves = byCategory
            let districtDivisions = reference.divisions.filter { $0.tier == .district }
            districts = districtDivisions.map(\.code)
            let districtIndex = Dictionary(uniqueKeysWithValues: districts.enumerated().map { ($1, $0) })
            let townshipDivisions = reference.divisions.filter {
                $0.tier == .township && districtIndex[$0.parentCode ?? ""] != nil
            }
            townships = townshipDivisions.map(\.code)
            townshipIndex = Dictionary(uniqueKeysWithValues: townships.enumerated().map { ($1, $0) })
            townshipDistrict = townshipDivisions.map { districtIndex[$0.parentCode!]! }
            var byDistrict = [[Int]](repeating: [], count: districts.count)
            for (township, district) in townshipDistrict.enumerated() { byDistrict[district].append(township) }
            districtTownships = byDistrict
        }
    }

    /// Draws a leaf of a category in a district, hot problems weighing more.
    struct LeafPicker {
        /// [category][district]: cumulative weights over the category's leaves.
        let cumulative: [[[Double]]]
        let categoryLeaves: [[Int]]

        init(layout: Layout, hotProblems: [HotProblem]) {
            categoryLeaves = layout.categoryLeaves
            cumulative = layout.categoryLeaves.map { leaves in
                layout.districts.map { district in
                    var running = 0.0
                    return leaves.map { leaf in
                        let hot = hotProblems.first {
                            $0.leafCode == layout.leaves[leaf]
                                && ($0.districtCode == nil || $0.districtCode == district)
                        }
                        running += hot?.factor ?? 1
                        return running
                    }
                }
            }
        }

        func pick(category: Int, district: Int, _ random: inout SeededGenerator) -> Int {
            let weights = cumulative[category][district]
            let target = random.unit() * weights[weights.count - 1]
            var low = 0
            var high = weights.count - 1
            while low < high {
                let middle = (low + high) / 2
                if weights[middle] <= target { low = middle + 1 } else { high = middle }
            }
            return categoryLeaves[category][low]
        }
    }
}
