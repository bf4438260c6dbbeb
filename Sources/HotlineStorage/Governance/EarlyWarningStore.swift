public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// Early warnings (`early_warnings`): the daily request counts per first-level category and
/// district, and per leaf and township where volume allows, they are computed from; each
/// warning stored once; and the unit that leads most of a warning's requests.
public enum EarlyWarningStore {
    /// A series: one first-level category in one district, or one leaf in one township.
    public struct SeriesKey: Hashable, Sendable {
        /// The first-level category, or the leaf when `townshipCode` is set.
        public var categoryCode: String
        public var districtCode: String
        public var townshipCode: String?
    }

    /// Requests received per series and day over the `days` days from `start` (a day is 24
    /// hours from `start`), as dense arrays; series with no request are absent.
    public static func dailyCounts(
        from start: Date, days: Int, on connection: PostgresConnection, logger: Logger
    ) async throws -> [SeriesKey: [Int]] {
        let end = start.addingTimeInterval(Double(days) * 86_400)
        let rows = try await connection.query(
            """
            SELECT level1_code, district_code, floor(extract(epoch FROM received_at - \(start)) / 86400)::int, count(*)::int
            FROM tickets
            WHERE received_at >= \(start) AND received_at < \(end) AND level1_code IS NOT NULL AND district_code IS NOT NULL
            GROUP BY 1, 2, 3
            """, logger: logger)
        return try await DenseSeries.collect(
            rows.decode((String, String, Int, Int).self).map {
                (key: SeriesKey(categoryCode: $0, districtCode: $1), period: $2, count: $3)
            }, length: days)
    }

    /// Requests received per leaf, township and day over the `days` days from `start`, for
    /// the leaves and townships whose last `windowDays` days hold at least `minimumCount`
    /// requests (the volume that allows a warning at all); dense arrays as `dailyCounts`.
    public static func townshipDailyCounts(
        from start: Date, days: Int, windowDays: Int, minimumCount: Int, on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [SeriesKey: [Int]] {
        let end = start.addingTimeInterval(Double(days) * 86_400)
        let windowStart = end.addingTimeInterval(-Double(windowDays) * 86_400)
        let rows = try await connection.query(
            """
            WITH busy AS (
                SELECT category_code, township_code FROM tickets
                WHERE received_at >= \(windowStart) AND received_at < \(end)
                  AND category_code IS NOT NULL AND township_code IS NOT NULL
                GROUP BY 1, 2 HAVING count(*) >= \(minimumCount))
            SELECT t.category_code, t.district_code, t.township_code,
                   floor(extract(epoch FROM t.received_at - \(start)) / 86400)::int, count(*)::int
            FROM tickets t JOIN busy b ON b.category_code = t.category_code AND b.township_code = t.township_code
            WHERE t.received_at >= \(start) AND t.received_at < \(end) AND t.district_code IS NOT NULL
            GROUP BY 1, 2, 3, 4
            """, logger: logger)
        return try await DenseSeries.collect(
            rows.decode((String, String, String, Int, Int).self).map {
                (key: SeriesKey(categoryCode: $0, districtCode: $1, townshipCode: $2), period: $3, count: $4)
            }, length: days)
    }

    /// When the first request on record was received: no series has history before it.
    public static func firstReceived(on connection: PostgresConnection, logger: Logger) async throws -> Date? {
        let rows = try await connection.query("SELECT min(received_at) FROM tickets", logger: logger)
        for try await (first) in rows.decode(Date?.self) { return first }
        return nil
    }

    /// Stores `warning`; false when the series already has one for that day.
    public static func save(
        _ warning: DistrictWarning, on connection: PostgresConnection, logger: Logger
    ) async throws -> Bool {
        let rows = try await connection.query(
            """
            INSERT INTO early_warnings (id, category_code, district_code, township_code, day, window_days, observed,
                                        expected, probability, baseline, reference_windows, raised_at)
            VALUES (\(warning.id), \(warning.categoryCode), \(warning.districtCode), \(warning.townshipCode),
                    \(warning.day)::date, \(warning.windowDays), \(warning.observed), \(warning.expected),
                    \(warning.probability), \(warning.baseline.rawValue), \(warning.referenceWindows),
                    \(warning.raisedAt))
            ON CONFLICT ON CONSTRAINT early_warnings_series_day DO NOTHING
            RETURNING id
            """, logger: logger)
        for try await _ in rows { return true }
        return false
    }

    /// The department or enterprise that led most of the series' requests received in
    /// [`from`, `to`), if any did.
    public static func leadUnit(
        of key: SeriesKey, from: Date, to: Date, on connection: PostgresConnection, logger: Logger
    ) async throws -> String? {
        let rows = try await connection.query(
            """
            SELECT t.unit_code FROM tickets t JOIN org_units u ON u.code = t.unit_code
            WHERE t.district_code = \(key.districtCode)
              AND (CASE WHEN \(key.townshipCode)::text IS NULL THEN t.level1_code = \(key.categoryCode)
                        ELSE t.category_code = \(key.categoryCode) AND t.township_code = \(key.townshipCode) END)
              AND t.received_at >= \(from) AND t.received_at < \(to) AND u.kind IN ('department', 'enterprise')
            GROUP BY t.unit_code ORDER BY count(*) DESC, t.unit_code LIMIT 1
            """, logger: logger)
        for try await (unit) in rows.decode(String.self) { return unit }
        return nil
    }

    /// The warnings whose window ended from `firstDay` through `lastDay` (`YYYY-MM-DD`) in
    /// `scope`, newest first: every one for the city, a district's (its townships' too) for a
    /// district, a township's own leaf warnings for a township.
    public static func warnings(
        in scope: ReportScope, firstDay: String, lastDay: String, on connection: PostgresConnection, logger: Logger
    ) async throws -> [DistrictWarning] {
        let district = scope.districtCode
        let township = scope.townshipCode
        let rows = try await connection.query(
            """
            SELECT w.id, w.category_code, c.name, w.district_code, w.township_code, u.name, w.day::text,
                   w.window_days, w.observed, w.expected, w.probability, w.baseline, w.reference_windows, w.raised_at
            FROM early_warnings w LEFT JOIN catalog_entries c ON c.code = w.category_code
                 LEFT JOIN org_units u ON u.code = w.township_code
            WHERE w.day BETWEEN \(firstDay)::date AND \(lastDay)::date
              AND (\(district)::text IS NULL OR w.district_code = \(district))
              AND (\(township)::text IS NULL OR w.township_code = \(township))
            ORDER BY w.day DESC, w.district_code, w.township_code NULLS FIRST, w.category_code
            """, logger: logger)
        var warnings: [DistrictWarning] = []
        for try await row in rows {
            let (
                id, category, name, district, township, townshipName, day, window, observed, expected, probability,
                baseline, references, raised
            ) =
                try row.decode(
                    (
                        UUID, String, String?, String, String?, String?, String, Int, Int, Double, Double, String, Int,
                        Date
                    ).self)
            warnings.append(
                DistrictWarning(
                    id: id, categoryCode: category, categoryName: name, districtCode: district,
                    townshipCode: township, townshipName: townshipName, day: day, windowDays: window,
                    warning: EarlyWarning(
                        day: 0, observed: observed, expected: expected, probability: probability,
                        baseline: try .stored(baseline, column: "early_warnings.baseline"),
                        referenceWindows: references),
                    raisedAt: raised))
        }
        return warnings
    }
}
