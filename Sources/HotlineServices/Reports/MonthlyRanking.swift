public import Foundation
public import HotlineDomain
public import HotlineStorage

/// The month's assessment ranking as the screens show it (考核排名, `GET /ui/assessment`): every
/// unit's three rates, score, rank and class as `hotline report --period month` computes them
/// (`MonthlyAssessment`, from the aggregator's facts, without storing a snapshot), with its rank
/// in the previous month's snapshot. The city's watchers see every unit; a sub-center its
/// district's townships; others are refused.
public struct MonthlyRanking: Sendable {
    /// One unit's result and its rank the month before.
    public struct Entry: Sendable, Equatable {
        public var result: UnitAssessment
        /// The unit's rank in the previous month's snapshot; nil when it was not ranked.
        public var previousRank: Int?

        /// How many places the unit rose (positive) or fell (negative); nil without both ranks.
        public var rankChange: Int? {
            guard let rank = result.rank, let previousRank else { return nil }
            return previousRank - rank
        }
    }

    /// A month's ranking, ranked units first by rank within each tier.
    public struct Ranking: Sendable, Equatable {
        public var month: CalendarDay
        public var entries: [Entry]
    }

    private let repository: any LeaderReportsRepository
    private let reference: any ReferenceSource
    private let clock: any HotlineClock
    private let timeZone: TimeZone

    public init(
        repository: any LeaderReportsRepository, reference: any ReferenceSource, clock: any HotlineClock,
        timeZone: TimeZone
    ) {
        self.repository = repository
        self.reference = reference
        self.clock = clock
        self.timeZone = timeZone
    }

    /// The month the clock is in, in the city's zone.
    public var currentMonth: CalendarDay { CalendarDay(clock.now(), in: timeZone).firstOfMonth }

    /// `month`'s ranking as `principal` may see it; `TicketError.notSupervisor` for callers
    /// that may not read it.
    public func ranking(month: CalendarDay, for principal: Principal) async throws -> Ranking {
        guard principal.mayReadRanking else { throw TicketError.notSupervisor }
        let month = month.firstOfMonth
        let data = try await reference.current().reference
        let previous = try await repository.ranks(month: month.previousMonth)
        var results = MonthlyAssessment.assess(
            figures: try await repository.assessmentFigures(month: month), reference: data, previousRanks: previous)
        if let district = principal.rankingDistrict {
            let townships = Set(
                data.divisions.filter { $0.tier == .township && $0.parentCode == district }.map(\.code))
            results = results.filter { $0.tier == .township && townships.contains($0.unitCode) }
        }
        return Ranking(month: month, entries: results.map { Entry(result: $0, previousRank: previous[$0.unitCode]) })
    }
}
