/// A unit's counts for a period: what its dispatches led to. Excluded dispatches count only in
/// `excluded`.
public struct UnitFigures: Sendable, Equatable, Codable {
    public var dispatched = 0
    public var signedInTime = 0
    public var resolved = 0
    public var resolvedOnTime = 0
    public var visited = 0
    public var solved = 0
    public var satisfied = 0
    public var sentBack = 0
    public var reopened = 0
    public var overdue = 0
    public var excluded = 0

    public init() {}

    /// The figures of `facts`, leaving excluded ones out of everything but `excluded`.
    public init(_ facts: some Sequence<AssessmentFact>) {
        for fact in facts {
            if fact.excluded {
                excluded += 1
                continue
            }
            dispatched += 1
            if fact.signedInTime { signedInTime += 1 }
            if fact.resolved { resolved += 1 }
            if fact.resolvedOnTime { resolvedOnTime += 1 }
            if fact.visited { visited += 1 }
            if fact.solved { solved += 1 }
            if fact.satisfied { satisfied += 1 }
            if fact.sentBack { sentBack += 1 }
            reopened += fact.reopened
            if fact.overdue { overdue += 1 }
        }
    }

    enum CodingKeys: String, CodingKey {
        case dispatched, resolved, visited, solved, satisfied, reopened, overdue, excluded
        case signedInTime = "signed_in_time"
        case resolvedOnTime = "resolved_on_time"
        case sentBack = "sent_back"
    }
}

/// The classes of the monthly assessment (三率四类).
public enum AssessmentClass: String, Codable, Sendable, CaseIterable {
    /// 先进类: the top of the ranking.
    case advanced
    /// 整改类: the bottom of the ranking.
    case rectification
    /// 进步类: the largest rise in rank against last month.
    case progressing
    /// 治理类: the most requests.
    case governance
}

/// What a city sets for its assessment: the weights of the three rates and how many units each
/// class takes (ties at the boundary all join). Data: `Schemas/policy/assessment.csv`.
public struct AssessmentPolicy: Sendable, Equatable {
    public var responseWeight: Double
    public var resolutionWeight: Double
    public var satisfactionWeight: Double
    public var advancedTop: Int
    public var rectificationBottom: Int
    public var progressingTop: Int
    public var governanceTop: Int
    /// Whether a request the center agreed is unreasonable (不合理诉求) leaves the unit's assessment,
    /// as an approved exclusion does (`unreasonable_effect`: `exclude`, Beijing's rule, or `count`).
    public var excludesAgreedUnreasonable: Bool
    /// How many tickets' worth of the tier's average each rate is pulled toward before it is
    /// scored (`shrinkage_tickets`; 0: the raw rates), so that a unit with a handful of tickets
    /// cannot top or bottom the ranking by chance. The rates shown stay the unit's own.
    public var shrinkageTickets: Double

    public init(
        responseWeight: Double, resolutionWeight: Double, satisfactionWeight: Double, advancedTop: Int,
        rectificationBottom: Int,
        progressingTop: Int, governanceTop: Int, excludesAgreedUnreasonable: Bool = true, shrinkageTickets: Double = 0
    ) {
        self.responseWeight = responseWeight
        self.resolutionWeight = resolutionWeight
        self.satisfactionWeight = satisfactionWeight
        self.advancedTop = advancedTop
        self.rectificationBottom = rectificationBottom
        self.progressingTop = progressingTop
        self.governanceTop = governanceTop
        self.excludesAgreedUnreasonable = excludesAgreedUnreasonable
        self.shrinkageTickets = shrinkageTickets
    }

    /// Reads `key,value` rows: weight_response, weight_resolution, weight_satisfaction,
    /// advanced_top, rectification_bottom, progressing_top, governance_top, unreasonable_effect,
    /// shrinkage_tickets (optional, 0 when absent).
    public init(csv table: CSVTable) throws(CSVError) {
        try self.init(
            values: Dictionary(
                table.namedRecords.map { ($0["key", default: ""], $0["value", default: ""]) }, uniquingKeysWith: { $1 })
        )
    }

    /// Reads the values by key, as the CSV file or the `assessment_policy` table holds them.
    public init(values: [String: String]) throws(CSVError) {
        func number(_ key: String) throws(CSVError) -> Double {
            guard let value = values[key].flatMap(Double.init) else {
                throw CSVError(line: 1, message: "the assessment policy lacks a number for \(key)")
            }
            return value
        }
        let effect = values["unreasonable_effect", default: "exclude"]
        guard effect == "exclude" || effect == "count" else {
            throw CSVError(line: 1, message: "unreasonable_effect must be exclude or count, not \(effect.prefix(40))")
        }
        let shrinkage = values["shrinkage_tickets"].map { Double($0) } ?? 0
        guard let shrinkage, shrinkage >= 0 else {
            throw CSVError(line: 1, message: "shrinkage_tickets must be a number of at least 0")
        }
        self.init(
            responseWeight: try number("weight_response"), resolutionWeight: try number("weight_resolution"),
            satisfactionWeight: try number("weight_satisfaction"), advancedTop: Int(try number("advanced_top")),
            rectificationBottom: Int(try number("rectification_bottom")),
            progressingTop: Int(try number("progressing_top")),
            governanceTop: Int(try number("governance_top")), excludesAgreedUnreasonable: effect == "exclude",
            shrinkageTickets: shrinkage)
    }
}

extension AssessmentPolicy {
    /// The policy as `key,value` pairs, as the CSV file has them.
    public var records: [(key: String, value: String)] {
        [
            ("weight_response", "\(responseWeight)"), ("weight_resolution", "\(resolutionWeight)"),
            ("weight_satisfaction", "\(satisfactionWeight)"), ("advanced_top", "\(advancedTop)"),
            ("rectification_bottom", "\(rectificationBottom)"), ("progressing_top", "\(progressingTop)"),
            ("governance_top", "\(governanceTop)"),
            ("unreasonable_effect", excludesAgreedUnreasonable ? "exclude" : "count"),
            ("shrinkage_tickets", "\(shrinkageTickets)"),
        ]
    }
}

/// The kind of unit a ranking compares.
public enum AssessedTier: String, Codable, Sendable, CaseIterable {
    case township, district, department, enterprise
}

/// One unit's monthly result.
public struct UnitAssessment: Sendable, Equatable, Codable {
    public var unitCode: String
    public var unitName: String
    public var tier: AssessedTier
    public var figures: UnitFigures
    /// 响应率: signed for in time / dispatched. Nil without dispatches.
    public var responseRate: Double?
    /// 解决率: solved / visited. Nil without return visits.
    public var resolutionRate: Double?
    /// 满意率: satisfied / visited. Nil without return visits.
    public var satisfactionRate: Double?
    /// The weighted rates, 0–100, over the rates the unit has; nil without dispatches.
    public var score: Double?
    /// Equal scores share a rank; nil when unranked (no dispatches).
    public var rank: Int?
    public var assessmentClass: AssessmentClass?
    public var sendBackRate: Double?
    public var reopenRate: Double?
    public var onTimeRate: Double?

    public init(
        unitCode: String, unitName: String, tier: AssessedTier, figures: UnitFigures, responseRate: Double? = nil,
        resolutionRate: Double? = nil,
        satisfactionRate: Double? = nil, score: Double?, rank: Int?, assessmentClass: AssessmentClass?,
        sendBackRate: Double? = nil,
        reopenRate: Double? = nil, onTimeRate: Double? = nil
    ) {
        self.unitCode = unitCode
        self.unitName = unitName
        self.tier = tier
        self.figures = figures
        self.responseRate = responseRate
        self.resolutionRate = resolutionRate
        self.satisfactionRate = satisfactionRate
        self.score = score
        self.rank = rank
        self.assessmentClass = assessmentClass
        self.sendBackRate = sendBackRate
        self.reopenRate = reopenRate
        self.onTimeRate = onTimeRate
    }

    enum CodingKeys: String, CodingKey {
        case tier, figures, score, rank
        case unitCode = "unit_code"
        case unitName = "unit_name"
        case responseRate = "response_rate"
        case resolutionRate = "resolution_rate"
        case satisfactionRate = "satisfaction_rate"
        case assessmentClass = "class"
        case sendBackRate = "send_back_rate"
        case reopenRate = "reopen_rate"
        case onTimeRate = "on_time_rate"
    }
}

/// The monthly assessment (三率四类): rates, composite score, rank with ties, and classes, per
/// tier of units. Pure.
public struct Assessment: Sendable {
    public let policy: AssessmentPolicy

    public init(policy: AssessmentPolicy) {
        self.policy = policy
    }

    /// A unit to assess.
    public struct Unit: Sendable {
        public var code: String
        public var name: String
        public var tier: AssessedTier
        public var figures: UnitFigures

        public init(code: String, name: String, tier: AssessedTier, figures: UnitFigures) {
            self.code = code
            self.name = name
            self.tier = tier
            self.figures = figures
        }
    }

    /// Every unit's result, each tier ranked on its own; `previousRanks` are last month's, for
    /// the progressing class. Ranked units first by rank, then unranked ones by code.
    public func assess(_ units: [Unit], previousRanks: [String: Int]) -> [UnitAssessment] {
        AssessedTier.allCases.flatMap { tier in
            let members = units.filter { $0.tier == tier }
            let average = TierAverage(members.map(\.figures))
            return rank(members.map { rates($0, average: average) }, previousRanks: previousRanks)
        }
    }

    /// A tier's pooled rates (all its units' parts over all their wholes), toward which a unit's
    /// rates are pulled before scoring.
    struct TierAverage {
        var response: Double?
        var resolution: Double?
        var satisfaction: Double?

        init(_ figures: [UnitFigures]) {
            func pooled(_ part: (UnitFigures) -> Int, of whole: (UnitFigures) -> Int) -> Double? {
                let total = figures.map(whole).reduce(0, +)
                return total == 0 ? nil : Double(figures.map(part).reduce(0, +)) / Double(total)
            }
            response = pooled(\.signedInTime, of: \.dispatched)
            resolution = pooled(\.solved, of: \.visited)
            satisfaction = pooled(\.satisfied, of: \.visited)
        }
    }

    func rates(_ unit: Unit, average: TierAverage) -> UnitAssessment {
        let figures = unit.figures
        func share(_ part: Int, of whole: Int) -> Double? {
            whole == 0 ? nil : Self.rounded(Double(part) / Double(whole), places: 4)
        }
        /// The rate that is scored: the unit's own, pulled toward the tier's by the policy's weight.
        func scored(_ part: Int, of whole: Int, toward mean: Double?) -> Double? {
            guard whole > 0 else { return nil }
            let weight = policy.shrinkageTickets
            guard weight > 0, let mean else { return share(part, of: whole) }
            return (Double(part) + weight * mean) / (Double(whole) + weight)
        }
        let response = share(figures.signedInTime, of: figures.dispatched)
        let resolution = share(figures.solved, of: figures.visited)
        let satisfaction = share(figures.satisfied, of: figures.visited)
        let weighted = [
            (scored(figures.signedInTime, of: figures.dispatched, toward: average.response), policy.responseWeight),
            (scored(figures.solved, of: figures.visited, toward: average.resolution), policy.resolutionWeight),
            (scored(figures.satisfied, of: figures.visited, toward: average.satisfaction), policy.satisfactionWeight),
        ]
        .compactMap { rate, weight in rate.map { ($0, weight) } }
        let totalWeight = weighted.map(\.1).reduce(0, +)
        let score =
            figures.dispatched == 0 || totalWeight == 0
            ? nil : Self.rounded(weighted.map { $0 * $1 }.reduce(0, +) / totalWeight * 100, places: 2)
        return UnitAssessment(
            unitCode: unit.code, unitName: unit.name, tier: unit.tier, figures: figures, responseRate: response,
            resolutionRate: resolution,
            satisfactionRate: satisfaction, score: score, rank: nil, assessmentClass: nil,
            sendBackRate: share(figures.sentBack, of: figures.dispatched),
            reopenRate: share(figures.reopened, of: figures.dispatched),
            onTimeRate: share(figures.resolvedOnTime, of: figures.resolved))
    }

    func rank(_ results: [UnitAssessment], previousRanks: [String: Int]) -> [UnitAssessment] {
        var ranked = results.filter { $0.score != nil }.sorted { ($0.score!, $1.unitCode) > ($1.score!, $0.unitCode) }
        for index in ranked.indices {
            ranked[index].rank = 1 + ranked.count { $0.score! > ranked[index].score! }
        }
        func mark(_ assessmentClass: AssessmentClass, top count: Int, by key: (UnitAssessment) -> Double?) {
            let candidates = ranked.filter { $0.assessmentClass == nil }.compactMap { unit in
                key(unit).map { (unit.unitCode, $0) }
            }
            .sorted { $0.1 > $1.1 }
            guard count > 0, candidates.count >= 1 else { return }
            let threshold = candidates[min(count, candidates.count) - 1].1
            let chosen = Set(candidates.filter { $0.1 >= threshold && $0.1 > 0 }.map(\.0))
            for index in ranked.indices where chosen.contains(ranked[index].unitCode) {
                ranked[index].assessmentClass = assessmentClass
            }
        }
        mark(.advanced, top: policy.advancedTop) { Double(-$0.rank!) + Double(ranked.count + 1) }
        mark(.rectification, top: policy.rectificationBottom) { Double($0.rank!) }
        mark(.progressing, top: policy.progressingTop) { unit in
            previousRanks[unit.unitCode].map { Double($0 - unit.rank!) }
        }
        mark(.governance, top: policy.governanceTop) { Double($0.figures.dispatched) }
        let unranked = results.filter { $0.score == nil }.sorted { $0.unitCode < $1.unitCode }
        return ranked + unranked
    }

    static func rounded(_ value: Double, places: Int) -> Double {
        let scale = pow10(places)
        return (value * scale).rounded() / scale
    }

    private static func pow10(_ places: Int) -> Double { (0..<places).reduce(1) { value, _ in value * 10 } }
}
