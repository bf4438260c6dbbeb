public import Foundation
public import HotlineDomain
import HotlineStorage
public import Logging
public import PostgresNIO

/// The monthly assessment of every township, district, department and enterprise from the
/// aggregator's facts, stored as that month's snapshot; and its verification against the
/// ticket tables.
public enum MonthlyAssessment {
    /// The units assessed, with their names and tiers: every township, district, department and
    /// enterprise, whether or not it had tickets.
    static func units(_ reference: ReferenceData) -> [(code: String, name: String, tier: AssessedTier)] {
        let districts = reference.divisions.filter { $0.tier == .district }.map {
            ($0.code, $0.name, AssessedTier.district)
        }
        let handlers = reference.units.compactMap { unit -> (String, String, AssessedTier)? in
            switch unit.kind {
            case .township: (unit.code, unit.name, .township)
            case .department: (unit.code, unit.name, .department)
            case .enterprise: (unit.code, unit.name, .enterprise)
            case .center, .subCenter, .community: nil
            }
        }
        return (districts + handlers).map { (code: $0.0, name: $0.1, tier: $0.2) }
    }

    /// Assesses `month` from `figures` (units and districts), ranking against the previous
    /// month's snapshot.
    public static func assess(
        month: CalendarDay, figures: (units: [String: UnitFigures], districts: [String: UnitFigures]),
        reference: ReferenceData,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> [UnitAssessment] {
        let previous = try await AssessmentStore.ranks(month: month.previousMonth, on: connection, logger: logger)
        return assess(figures: figures, reference: reference, previousRanks: previous)
    }

    /// Every unit's result from `figures` (units and districts), ranked against `previousRanks`
    /// (the previous month's snapshot). Pure.
    public static func assess(
        figures: (units: [String: UnitFigures], districts: [String: UnitFigures]), reference: ReferenceData,
        previousRanks: [String: Int]
    ) -> [UnitAssessment] {
        let assessed = units(reference).map { unit in
            Assessment.Unit(
                code: unit.code, name: unit.name, tier: unit.tier,
                figures: (unit.tier == .district ? figures.districts[unit.code] : figures.units[unit.code])
                    ?? UnitFigures())
        }
        return Assessment(policy: reference.assessmentPolicy).assess(assessed, previousRanks: previousRanks)
    }

    /// Computes `month` from the aggregator's facts and stores it as the month's snapshot.
    public static func computeAndStore(
        month: CalendarDay, at time: Date, on connection: PostgresConnection, logger: Logger
    ) async throws -> [UnitAssessment] {
        let reference = try await ReferenceStore.load(on: connection, logger: logger)
        let figures = try await AssessmentStore.figures(month: month, on: connection, logger: logger)
        let results = try await assess(
            month: month, figures: figures, reference: reference, on: connection, logger: logger)
        try await AssessmentStore.saveSnapshot(results, month: month, at: time, on: connection, logger: logger)
        return results
    }

    /// The month's figures recomputed from the ticket tables alone: every ticket dispatched in
    /// the month, its history replayed through the scoring rules of `reference` (time limits,
    /// assessment policy).
    public static func recompute(
        month: CalendarDay, timeZone: TimeZone, reference: ReferenceData, on connection: PostgresConnection,
        logger: Logger
    ) async throws -> (units: [String: UnitFigures], districts: [String: UnitFigures]) {
        let reducer = ScoringReducer(reference: reference, timeZone: timeZone)
        let (start, end) = (month.start(in: timeZone), month.nextMonth.start(in: timeZone))
        let tickets = try await ScoringHistory.tickets(
            dispatchedFrom: start, to: end, types: Array(ScoringEvent.types), on: connection, logger: logger)
        let facts = tickets.flatMap {
            reducer.facts(replaying: $0.bodies, ticketId: $0.ticketId, district: $0.districtCode)
        }
        let inMonth = facts.filter { $0.month == month }
        return (
            Dictionary(grouping: inMonth, by: \.unitCode).mapValues(UnitFigures.init),
            Dictionary(grouping: inMonth.filter { $0.districtCode != nil }, by: { $0.districtCode! }).mapValues(
                UnitFigures.init)
        )
    }
}
