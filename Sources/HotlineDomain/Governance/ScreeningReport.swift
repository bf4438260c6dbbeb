/// The annual screening (每月一题) as served: the year's top problems with their figures and
/// names, and the themes (first-level categories) they are grouped into.
public struct ScreeningReport: Sendable, Equatable, Encodable {
    /// One ranked problem.
    public struct Problem: Sendable, Equatable, Encodable {
        public var rank: Int
        public var leafCode: String
        public var leafName: String?
        public var categoryCode: String
        public var count: Int
        public var activeMonths: Int
        public var districts: Int
        public var townships: Int
        public var growth: Double?
        public var score: Double

        enum CodingKeys: String, CodingKey {
            case rank, count, districts, townships, growth, score
            case leafCode = "leaf_code"
            case leafName = "leaf_name"
            case categoryCode = "category_code"
            case activeMonths = "active_months"
        }
    }

    /// A proposed theme and the leaves of its proposed problems.
    public struct Theme: Sendable, Equatable, Encodable {
        public var categoryCode: String
        public var categoryName: String?
        public var count: Int
        public var leafCodes: [String]

        enum CodingKeys: String, CodingKey {
            case count
            case categoryCode = "category_code"
            case categoryName = "category_name"
            case leafCodes = "leaf_codes"
        }
    }

    public var year: Int
    /// Requests of the year the screening counted (with a leaf, district and township).
    public var requests: Int
    /// The first `limit` problems, best first.
    public var problems: [Problem]
    public var themes: [Theme]

    /// The screening of `tallies` by `screening`, named by `catalog`, its first `limit` problems.
    public init(
        year: Int, tallies: [AnnualScreening.Tally], previousYear: [String: Int], screening: AnnualScreening,
        catalog: Catalog, limit: Int
    ) {
        self.year = year
        requests = tallies.map(\.count).reduce(0, +)
        let ranked = screening.rank(tallies, previousYear: previousYear)
        problems = ranked.prefix(limit).map { problem in
            Problem(
                rank: problem.rank, leafCode: problem.leafCode, leafName: catalog[problem.leafCode]?.name,
                categoryCode: catalog.path(to: problem.leafCode).first ?? problem.leafCode, count: problem.count,
                activeMonths: problem.activeMonths, districts: problem.districts, townships: problem.townships,
                growth: problem.growth, score: problem.score)
        }
        themes = screening.propose(ranked, catalog: catalog).map { theme in
            Theme(
                categoryCode: theme.categoryCode, categoryName: catalog[theme.categoryCode]?.name, count: theme.count,
                leafCodes: theme.problems.map(\.leafCode))
        }
    }

    enum CodingKeys: String, CodingKey { case year, requests, problems, themes }
}
