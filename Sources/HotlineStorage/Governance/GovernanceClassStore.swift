public import HotlineDomain
public import Logging
public import PostgresNIO

/// The governance class (治理类) in the stored monthly assessments (`monthly_assessments`).
public enum GovernanceClassStore {
    /// Each township's months in the governance class, in `district` or everywhere, and every
    /// month that has a stored assessment.
    public static func history(
        district: String?, on connection: PostgresConnection, logger: Logger
    ) async throws -> (records: [GovernanceClassHistory.Assessed], months: Set<CalendarDay>) {
        let rows = try await connection.query(
            """
            SELECT a.unit_code, a.unit_name, extract(year FROM a.month)::int, extract(month FROM a.month)::int
            FROM monthly_assessments a
            LEFT JOIN org_units u ON u.code = a.unit_code
            WHERE a.tier = 'township' AND a.class = 'governance'
              AND (\(district)::text IS NULL OR u.district_code = \(district))
            """, logger: logger)
        var records: [GovernanceClassHistory.Assessed] = []
        for try await (unit, name, year, month) in rows.decode((String, String, Int, Int).self) {
            records.append(
                GovernanceClassHistory.Assessed(
                    unitCode: unit, unitName: name, month: CalendarDay(year: year, month: month, day: 1), inClass: true)
            )
        }
        var months: Set<CalendarDay> = []
        let stored = try await connection.query(
            "SELECT DISTINCT extract(year FROM month)::int, extract(month FROM month)::int FROM monthly_assessments",
            logger: logger)
        for try await (year, month) in stored.decode((Int, Int).self) {
            months.insert(CalendarDay(year: year, month: month, day: 1))
        }
        return (records, months)
    }

}
