public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// Early warnings (`early_warnings`): the daily request counts per first-level category and
/// district they are computed from, each warning stored once, and the unit that leads most of a
/// warning's requests.
public enum EarlyWarningStore {
    /// A series: one first-level category in one district.
    public struct SeriesKey: Hashable, Sendable {
        public var categoryCode: String
        public var districtCode: String
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
        var series: [SeriesKey: [Int]] = [:]
        for try await (category, district, day, count) in rows.decode((String, String, Int, Int).self)
        where (0..<days).contains(day) {
            series[
                SeriesKey(categoryCode: category, districtCode: district), default: Array(repeating: 0, count: days)][
                    day] = count
        }
        return series
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
            INSERT INTO early_warnings (id, category_code, district_code, day, window_days, observed, expected,
                                        probability, baseline, reference_windows, raised_at)
            VALUES (\(warning.id), \(warning.categoryCode), \(warning.districtCode), \(warning.day)::date,
                    \(warning.windowDays), \(warning.observed), \(warning.expected), \(warning.probability),
                    \(warning.baseline.rawValue), \(warning.referenceWindows), \(warning.raisedAt))
            ON CONFLICT (category_code, district_code, day) DO NOTHING
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
            WHERE t.level1_code = \(key.categoryCode) AND t.district_code = \(key.districtCode)
              AND t.received_at >= \(from) AND t.received_at < \(to) AND u.kind IN ('department', 'enterprise')
            GROUP BY t.unit_code ORDER BY count(*) DESC, t.unit_code LIMIT 1
            """, logger: logger)
        for try await (unit) in rows.decode(String.self) { return unit }
        return nil
    }

    /// The warnings whose window ended from `firstDay` through `lastDay` (`YYYY-MM-DD`), in
    /// `district` or everywhere, newest first.
    public static func warnings(
        district: String?, firstDay: String, lastDay: String, on connection: PostgresConnection, logger: Logger
    ) async throws -> [DistrictWarning] {
        let rows = try await connection.query(
            """
            SELECT w.id, w.category_code, c.name, w.district_code, w.day::text, w.window_days, w.observed, w.expected,
                   w.probability, w.baseline, w.reference_windows, w.raised_at
            FROM early_warnings w LEFT JOIN catalog_entries c ON c.code = w.category_code
            WHERE w.day BETWEEN \(firstDay)::date AND \(lastDay)::date
              AND (\(district)::text IS NULL OR w.district_code = \(district))
            ORDER BY w.day DESC, w.district_code, w.category_code
            """, logger: logger)
        var warnings: [DistrictWarning] = []
        for try await row in rows {
            let (
                id, category, name, district, day, window, observed, expected, probability, baseline, references, raised
            ) =
                try row.decode(
                    (UUID, String, String?, String, String, Int, Int, Double, Double, String, Int, Date).self)
            warnings.append(
                DistrictWarning(
                    id: id, categoryCode: category, categoryName: name, districtCode: district, day: day,
                    windowDays: window,
                    warning: EarlyWarning(
                        day: 0, observed: observed, expected: expected, probability: probability,
                        baseline: try .stored(baseline, column: "early_warnings.baseline"),
                        referenceWindows: references),
                    raisedAt: raised))
        }
        return warnings
    }
}
