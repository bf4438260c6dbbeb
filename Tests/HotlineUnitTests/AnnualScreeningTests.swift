import HotlineDomain
import Testing

@Suite("Annual screening")
struct AnnualScreeningTests {
    /// `perMonth` requests in each of `months`, spread evenly over `townships` townships of one district.
    static func tallies(
        _ leaf: String, perMonth: Int, months: ClosedRange<Int>, townships: Int
    ) -> [AnnualScreening.Tally] {
        months.flatMap { month in
            (0..<townships).map { township in
                AnnualScreening.Tally(
                    leafCode: leaf, districtCode: "1101\(township % 2)", townshipCode: "t\(township)", month: month,
                    count: perMonth / townships)
            }
        }
    }

    @Test("a problem in every township all year outranks a burst of four times its requests in one township and month")
    func spreadAndFrequency() throws {
        let everywhere = Self.tallies("A", perMonth: 100, months: 1...12, townships: 10)
        let burst = Self.tallies("B", perMonth: 4_800, months: 6...6, townships: 1)
        let small = Self.tallies("C", perMonth: 10, months: 1...12, townships: 10)
        let ranked = AnnualScreening().rank(everywhere + burst + small, previousYear: [:])
        #expect(ranked.first?.leafCode == "A")
        let a = try #require(ranked.first { $0.leafCode == "A" })
        let b = try #require(ranked.first { $0.leafCode == "B" })
        #expect(a.count == 1_200 && a.activeMonths == 12 && a.townships == 10 && a.districts == 2)
        #expect(b.count == 4_800 && b.activeMonths == 1 && b.townships == 1 && b.districts == 1)
        #expect(a.score > b.score, "spread and frequency weigh more than a fourfold count")
        #expect(ranked.map(\.rank) == [1, 2, 3])
    }

    @Test("of two problems alike this year, the one that grew ranks first, and growth is nil without last year")
    func growth() throws {
        let rows =
            Self.tallies("A", perMonth: 50, months: 1...12, townships: 5)
            + Self.tallies("B", perMonth: 50, months: 1...12, townships: 5)
            + Self.tallies("C", perMonth: 50, months: 1...12, townships: 5)
        let ranked = AnnualScreening().rank(rows, previousYear: ["A": 1_200, "B": 300])
        #expect(ranked.first?.leafCode == "B")
        #expect(ranked.first?.growth == 1)
        #expect(try #require(ranked.first { $0.leafCode == "A" }).growth == -0.5)
        #expect(try #require(ranked.first { $0.leafCode == "C" }).growth == nil)
        #expect(ranked.last?.leafCode == "A")
    }

    @Test("a month below half the average month does not count as active")
    func activeMonths() throws {
        let rows =
            Self.tallies("A", perMonth: 100, months: 1...6, townships: 1)
            + Self.tallies("A", perMonth: 10, months: 7...12, townships: 1)
        let problem = try #require(AnnualScreening().rank(rows, previousYear: [:]).first)
        #expect(problem.count == 660)
        #expect(problem.activeMonths == 6)
    }

    @Test("the proposal keeps the ranking's order, groups problems by first-level category, and keeps to its limits")
    func proposal() throws {
        let catalog = ReferenceFixtures.reference.catalog
        let byCategory = Dictionary(grouping: catalog.leaves.map(\.code)) { catalog.path(to: $0)[0] }
        let categories = byCategory.keys.sorted().filter { byCategory[$0]!.count >= 3 }.prefix(4)
        #expect(categories.count == 4)
        var rows: [AnnualScreening.Tally] = []
        for (order, category) in categories.enumerated() {
            for (offset, leaf) in byCategory[category]!.sorted().prefix(3).enumerated() {
                rows += Self.tallies(leaf, perMonth: 1_000 - 100 * order - 10 * offset, months: 1...12, townships: 10)
            }
        }
        let ranked = AnnualScreening().rank(rows, previousYear: [:])
        let themes = AnnualScreening(policy: .init(problems: 5, themes: 2)).propose(ranked, catalog: catalog)
        #expect(themes.map(\.categoryCode) == Array(categories.prefix(2)))
        #expect(themes.flatMap(\.problems).count == 5)
        #expect(themes[0].problems.count == 3)
        for theme in themes {
            #expect(theme.problems.allSatisfy { catalog.path(to: $0.leafCode)[0] == theme.categoryCode })
            #expect(theme.problems.map(\.rank) == theme.problems.map(\.rank).sorted())
        }
    }
}
