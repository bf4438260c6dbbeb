/// The annual screening behind 每月一题: over a year's requests, every problem (a catalog leaf)
/// with its count, frequency (months in which it reached a share of its monthly average), spread
/// (districts and townships it came from) and growth against the year before, ranked by a
/// weighted mean of four measures from 0 to 1 that keep their magnitudes (a problem twice as
/// frequent scores twice as high on count): its count over the year's largest, its active
/// months over twelve, its townships over those any request came from, and its growth clipped
/// to ±100 %. The top problems are proposed, grouped into themes by first-level category. Pure.
public struct AnnualScreening: Sendable {
    /// How the four measures weigh, and how many problems and themes are proposed.
    public struct Policy: Sendable, Equatable {
        public var countWeight: Double
        public var frequencyWeight: Double
        public var spreadWeight: Double
        public var growthWeight: Double
        public var problems: Int
        public var themes: Int
        /// A month counts towards frequency when it has at least this share of the problem's
        /// average month (so a problem that is everywhere all year beats one burst).
        public var activeMonthShare: Double

        public init(
            countWeight: Double = 0.35, frequencyWeight: Double = 0.2, spreadWeight: Double = 0.35,
            growthWeight: Double = 0.1, problems: Int = 27, themes: Int = 12, activeMonthShare: Double = 0.5
        ) {
            self.countWeight = countWeight
            self.frequencyWeight = frequencyWeight
            self.spreadWeight = spreadWeight
            self.growthWeight = growthWeight
            self.problems = problems
            self.themes = themes
            self.activeMonthShare = activeMonthShare
        }
    }

    /// A year's requests about one problem in one township and month.
    public struct Tally: Sendable, Equatable {
        public var leafCode: String
        public var districtCode: String
        public var townshipCode: String
        /// 1–12.
        public var month: Int
        public var count: Int

        public init(leafCode: String, districtCode: String, townshipCode: String, month: Int, count: Int) {
            self.leafCode = leafCode
            self.districtCode = districtCode
            self.townshipCode = townshipCode
            self.month = month
            self.count = count
        }
    }

    /// One screened problem with its figures.
    public struct Problem: Sendable, Equatable {
        public var leafCode: String
        public var count: Int
        public var activeMonths: Int
        public var districts: Int
        public var townships: Int
        /// Count over last year's, minus one; nil without requests last year.
        public var growth: Double?
        /// 0–1: the weighted mean of the four measures.
        public var score: Double
        public var rank: Int
    }

    /// A theme: the first-level category of proposed problems.
    public struct Theme: Sendable, Equatable {
        public var categoryCode: String
        public var problems: [Problem]
        public var count: Int { problems.map(\.count).reduce(0, +) }
    }

    public let policy: Policy

    public init(policy: Policy = Policy()) {
        self.policy = policy
    }

    /// Every problem of the year, best first.
    public func rank(_ tallies: [Tally], previousYear: [String: Int]) -> [Problem] {
        let byLeaf = Dictionary(grouping: tallies, by: \.leafCode)
        var problems = byLeaf.map { leaf, rows -> Problem in
            var months = [Int](repeating: 0, count: 13)
            for row in rows where (1...12).contains(row.month) { months[row.month] += row.count }
            let count = rows.map(\.count).reduce(0, +)
            let threshold = policy.activeMonthShare * Double(count) / 12
            let previous = previousYear[leaf] ?? 0
            return Problem(
                leafCode: leaf, count: count, activeMonths: months.count { $0 > 0 && Double($0) >= threshold },
                districts: Set(rows.filter { $0.count > 0 }.map(\.districtCode)).count,
                townships: Set(rows.filter { $0.count > 0 }.map(\.townshipCode)).count,
                growth: previous > 0 ? Double(count) / Double(previous) - 1 : nil, score: 0, rank: 0)
        }
        .filter { $0.count > 0 }
        let largest = Double(problems.map(\.count).max() ?? 1)
        let townships = Double(max(1, Set(tallies.filter { $0.count > 0 }.map(\.townshipCode)).count))
        let total = policy.countWeight + policy.frequencyWeight + policy.spreadWeight + policy.growthWeight
        for index in problems.indices {
            let problem = problems[index]
            let growth = min(1, max(-1, problem.growth ?? 0))
            let weighted =
                policy.countWeight * Double(problem.count) / largest + policy.frequencyWeight
                * Double(problem.activeMonths) / 12 + policy.spreadWeight * Double(problem.townships) / townships
                + policy.growthWeight * (growth + 1) / 2
            problems[index].score = total > 0 ? weighted / total : 0
        }
        problems.sort { ($0.score, $1.leafCode) > ($1.score, $0.leafCode) }
        for index in problems.indices { problems[index].rank = index + 1 }
        return problems
    }

    /// The proposal: the top problems grouped into at most `themes` themes, by the categories
    /// of `catalog`; themes ordered by their requests.
    public func propose(_ ranked: [Problem], catalog: Catalog) -> [Theme] {
        var themes: [String: [Problem]] = [:]
        var order: [String] = []
        for problem in ranked {
            guard themes.values.map(\.count).reduce(0, +) < policy.problems else { break }
            let category = catalog.path(to: problem.leafCode).first ?? problem.leafCode
            if themes[category] == nil {
                guard order.count < policy.themes else { continue }
                order.append(category)
            }
            themes[category, default: []].append(problem)
        }
        return order.map { Theme(categoryCode: $0, problems: themes[$0]!) }.sorted { $0.count > $1.count }
    }
}
