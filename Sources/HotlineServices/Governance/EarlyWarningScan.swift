public import Foundation
public import HotlineDomain
import HotlineStorage
public import Logging
public import PostgresNIO

/// Looks, once a day has ended, for first-level categories whose requests rose in a district
/// beyond what their baseline explains (`EarlyWarningDetector`, thresholds from
/// `Schemas/policy/early_warning.csv`), over the ticket tables; and, where volume allows (the
/// window holds at least the policy's township minimum count), for catalog leaves that rose in
/// one township, with the same detector and the policy's stricter township false-alarm
/// probability. Each warning is stored once with its figures
/// and put in the inboxes of the district's sub-center, of the township for a township's
/// warning, and of the department or enterprise that led most of the window's requests. Runs
/// with the day's scheduled report, in its transaction, so a day is scanned once, after a
/// restart too.
public struct EarlyWarningScan: Sendable {
    let detector: EarlyWarningDetector
    /// The detector of leaf × township series (`EarlyWarningPolicy.forTownships`).
    let townshipDetector: EarlyWarningDetector

    public init(policy: EarlyWarningPolicy) {
        detector = EarlyWarningDetector(policy: policy)
        townshipDetector = EarlyWarningDetector(policy: policy.forTownships)
    }

    /// The warnings raised on `day`, which ended at `dayEnd`; stores them and fills the inboxes.
    public func scan(
        day: CalendarDay, endingAt dayEnd: Date, at now: Date, on connection: PostgresConnection, logger: Logger
    ) async throws -> [DistrictWarning] {
        guard let first = try await EarlyWarningStore.firstReceived(on: connection, logger: logger) else { return [] }
        // Only the days since the first request count as history: before it, nothing was recorded.
        let recorded = Int((dayEnd.timeIntervalSince(first) / 86_400).rounded(.down))
        let days = min(detector.historyDays, recorded)
        guard days > 0 else { return [] }
        let start = dayEnd.addingTimeInterval(-Double(days) * 86_400)
        let windowDays = detector.policy.windowDays
        var counts = try await EarlyWarningStore.dailyCounts(from: start, days: days, on: connection, logger: logger)
        counts.merge(
            try await EarlyWarningStore.townshipDailyCounts(
                from: start, days: days, windowDays: windowDays, minimumCount: townshipDetector.policy.minimumCount,
                on: connection, logger: logger)
        ) { district, _ in district }
        let rising = counts.compactMap { key, series in
            (key.townshipCode == nil ? detector : townshipDetector).warningOnLastDay(series).map { (key, $0) }
        }
        guard !rising.isEmpty else { return [] }
        let names = try await CatalogNames.of(rising.map(\.0.categoryCode), on: connection, logger: logger)
        let townshipNames = try await CatalogNames.units(
            rising.compactMap(\.0.townshipCode), on: connection, logger: logger)
        var raised: [DistrictWarning] = []
        for (key, warning) in rising.sorted(by: {
            ($0.0.districtCode, $0.0.townshipCode ?? "", $0.0.categoryCode)
                < ($1.0.districtCode, $1.0.townshipCode ?? "", $1.0.categoryCode)
        }) {
            let stored = DistrictWarning(
                id: UUID(), categoryCode: key.categoryCode, categoryName: names[key.categoryCode],
                districtCode: key.districtCode, townshipCode: key.townshipCode,
                townshipName: key.townshipCode.flatMap { townshipNames[$0] }, day: day.isoDescription,
                windowDays: windowDays, warning: warning, raisedAt: now)
            guard try await EarlyWarningStore.save(stored, on: connection, logger: logger) else { continue }
            var units = [OrgUnitCode.subCenter(of: key.districtCode)]
            if let township = key.townshipCode { units.append(township) }
            if let lead = try await EarlyWarningStore.leadUnit(
                of: key, from: dayEnd.addingTimeInterval(-Double(windowDays) * 86_400), to: dayEnd, on: connection,
                logger: logger)
            {
                units.append(lead)
            }
            try await InboxStore.add(
                units.map { InboxNotice(unitCode: $0, kind: .earlyWarning, note: stored.note) }, eventId: stored.id,
                ticketId: nil, at: now, on: connection, logger: logger)
            raised.append(stored)
        }
        if !raised.isEmpty {
            logger.info(
                "early warnings raised", metadata: ["day": "\(day.isoDescription)", "warnings": "\(raised.count)"])
        }
        return raised
    }
}
