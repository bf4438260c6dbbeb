extension CityYears {
    /// How many of each injection to draw.
    public struct InjectionCounts: Sendable {
        public var surges: Int
        public var recurrences: Int
        public var seasonalRecurrences: Int
        public var widespreadHotProblems: Int
        public var localHotProblems: Int

        public init(
            surges: Int = 40, recurrences: Int = 60, seasonalRecurrences: Int = 20, widespreadHotProblems: Int = 5,
            localHotProblems: Int = 5
        ) {
            self.surges = surges
            self.recurrences = recurrences
            self.seasonalRecurrences = seasonalRecurrences
            self.widespreadHotProblems = widespreadHotProblems
            self.localHotProblems = localHotProblems
        }
    }

    /// Injections drawn at random, placed in the last of `days`' years (seasonal recurrences
    /// start in the year before and come back in it):
    /// - surges double one category in one district for a week, at least three weeks apart in
    ///   one series;
    /// - recurrences add about three requests a week about one leaf in one township, for 8–12
    ///   weeks (seasonal: 6–8 weeks, every year);
    /// - hot problems: leaves asked about 2.5 times as often as the city's busiest ordinary leaf
    ///   in every district (widespread), or half of their category's requests in one busy
    ///   district and ordinary elsewhere (local).
    public func injections(seed: UInt64, days: Int, counts: InjectionCounts) -> Injections {
        var random = SeededGenerator(seed: seed)
        let layout = Layout(reference: reference)
        let lastYear = max(0, days - Self.yearDays)
        func draw<T>(_ values: [T]) -> T { values[Int(random.unit() * Double(values.count))] }

        var surges: [Surge] = []
        while surges.count < counts.surges {
            let surge = Surge(
                categoryCode: draw(layout.categories), districtCode: draw(layout.districts),
                firstDay: lastYear + 28 + Int(random.unit() * Double(max(1, days - lastYear - 42))), days: 7, factor: 2)
            let clashes = surges.contains {
                $0.categoryCode == surge.categoryCode && $0.districtCode == surge.districtCode
                    && abs($0.firstDay - surge.firstDay) < 21
            }
            if !clashes { surges.append(surge) }
        }

        let weeks = days / 7
        let lastYearWeek = lastYear / 7
        func recurrence(seasonal: Bool) -> Recurrence {
            let township = Int(random.unit() * Double(layout.townships.count))
            let length = seasonal ? 6 + Int(random.unit() * 3) : 8 + Int(random.unit() * 5)
            let first =
                seasonal
                ? max(0, lastYearWeek - 52) + 8 + Int(random.unit() * Double(max(1, 52 - 8 - length)))
                : lastYearWeek + 9 + Int(random.unit() * Double(max(1, weeks - lastYearWeek - 9 - length)))
            return Recurrence(
                leafCode: draw(layout.leaves), districtCode: layout.districts[layout.townshipDistrict[township]],
                townshipCode: layout.townships[township], firstWeek: first, weeks: length, perWeek: 3,
                seasonal: seasonal)
        }
        let recurrences =
            (0..<counts.recurrences).map { _ in recurrence(seasonal: false) }
            + (0..<counts.seasonalRecurrences).map { _ in recurrence(seasonal: true) }

        return Injections(
            surges: surges, recurrences: recurrences,
            hotProblems: hotProblems(layout: layout, counts: counts, random: &random))
    }

    private func hotProblems(layout: Layout, counts: InjectionCounts, random: inout SeededGenerator) -> [HotProblem] {
        let weight = layout.categories.map { CityModel.categoryWeights[$0] ?? 1 }
        let size = layout.categoryLeaves.map(\.count)
        let busiestLeaf = layout.categories.indices.map { weight[$0] / Double(size[$0]) }.max() ?? 1
        let target = 2.5 * busiestLeaf
        let districtWeight = layout.districts.map { CityModel.districtWeights[$0] ?? 1 }
        var chosen = Set<Int>()
        var problems: [HotProblem] = []
        func leaf(inCategoryHeavierThan minimum: Double) -> (leaf: Int, category: Int)? {
            let categories = layout.categories.indices.filter { weight[$0] > minimum && size[$0] > 1 }
            for _ in 0..<1000 {
                let category = categories[Int(random.unit() * Double(categories.count))]
                let leaf = layout.categoryLeaves[category][Int(random.unit() * Double(size[category]))]
                if chosen.insert(leaf).inserted { return (leaf, category) }
            }
            return nil
        }
        for _ in 0..<counts.widespreadHotProblems {
            guard let (leaf, category) = leaf(inCategoryHeavierThan: 2 * target) else { break }
            let factor = target * Double(size[category] - 1) / (weight[category] - target)
            problems.append(HotProblem(leafCode: layout.leaves[leaf], factor: factor, districtCode: nil))
        }
        let busiestDistrict = districtWeight.indices.max { districtWeight[$0] < districtWeight[$1] } ?? 0
        for _ in 0..<counts.localHotProblems {
            guard let (leaf, category) = leaf(inCategoryHeavierThan: 0) else { break }
            let district = Int(random.unit() * Double(layout.districts.count))
            let place = districtWeight[district] >= districtWeight[busiestDistrict] / 2 ? district : busiestDistrict
            problems.append(
                HotProblem(
                    leafCode: layout.leaves[leaf], factor: Double(size[category] - 1),
                    districtCode: layout.districts[place]))
        }
        return problems
    }
}
