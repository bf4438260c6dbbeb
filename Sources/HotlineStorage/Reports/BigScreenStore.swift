public import Foundation
public import Logging
public import PostgresNIO

/// The big screen's figures in PostgreSQL (`BigScreenFigures`); the whole city's, read by the
/// screens of the city's watchers only.
public enum BigScreenStore {
    /// Requests received in `day` (today) and in `month` (this month), and the month's by
    /// channel and by type, largest first.
    public static func intake(
        day: Range<Date>, month: Range<Date>, on connection: PostgresConnection, logger: Logger
    ) async throws -> BigScreenFigures.Intake {
        let (start, end) = (month.lowerBound, month.upperBound)
        var today = 0
        var total = 0
        for try await (inDay, inMonth) in try await connection.query(
            """
            SELECT count(*) FILTER (WHERE received_at >= \(day.lowerBound) AND received_at < \(day.upperBound)),
                count(*)
            FROM tickets WHERE received_at >= \(start) AND received_at < \(end)
            """, logger: logger
        ).decode((Int, Int).self) {
            today = inDay
            total = inMonth
        }
        func counts(_ query: PostgresQuery) async throws -> [PeriodReport.Count] {
            var counts: [PeriodReport.Count] = []
            for try await (code, count) in try await connection.query(query, logger: logger).decode((String, Int).self)
            {
                counts.append(PeriodReport.Count(code: code, name: code, count: count, previous: nil, district: nil))
            }
            return counts
        }
        return BigScreenFigures.Intake(
            today: today, month: total,
            byChannel: try await counts(
                """
                SELECT channel, count(*) FROM tickets WHERE received_at >= \(start) AND received_at < \(end)
                GROUP BY 1 ORDER BY 2 DESC, 1
                """),
            byType: try await counts(
                """
                SELECT type, count(*) FROM tickets WHERE received_at >= \(start) AND received_at < \(end)
                GROUP BY 1 ORDER BY 2 DESC, 1
                """))
    }

    /// The `limit` tickets most recently received up to `now`, newest first, with their
    /// category's and township's names.
    public static func latest(
        limit: Int, until now: Date, on connection: PostgresConnection, logger: Logger
    ) async throws -> [BigScreenFigures.LatestTicket] {
        var tickets: [BigScreenFigures.LatestTicket] = []
        for try await (id, number, receivedAt, category, township) in try await connection.query(
            """
            SELECT t.id, t.number, t.received_at, c.name, d.name FROM tickets t
            LEFT JOIN catalog_entries c ON c.code = t.category_code LEFT JOIN divisions d ON d.code = t.township_code
            WHERE t.received_at <= \(now)
            ORDER BY t.received_at DESC, t.id DESC LIMIT \(limit)
            """, logger: logger
        ).decode((UUID, String, Date, String?, String?).self) {
            tickets.append(
                BigScreenFigures.LatestTicket(
                    id: id, number: number, receivedAt: receivedAt, categoryName: category, townshipName: township))
        }
        return tickets
    }

    /// Every township with the tickets received from `start` to `end` and how many of those
    /// went overdue, by district, then code.
    public static func townshipLoads(
        from start: Date, to end: Date, on connection: PostgresConnection, logger: Logger
    ) async throws -> [BigScreenFigures.TownshipLoad] {
        var loads: [BigScreenFigures.TownshipLoad] = []
        for try await (code, name, district, received, overdue) in try await connection.query(
            """
            SELECT d.code, d.name, d.parent_code, count(t.id), count(t.id) FILTER (WHERE t.overdue_at IS NOT NULL)
            FROM divisions d
            LEFT JOIN tickets t ON t.township_code = d.code AND t.received_at >= \(start) AND t.received_at < \(end)
            WHERE d.tier = 'township' AND d.parent_code IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 3, 1
            """, logger: logger
        ).decode((String, String, String, Int, Int).self) {
            loads.append(
                BigScreenFigures.TownshipLoad(
                    code: code, name: name, districtCode: district, received: received, overdue: overdue))
        }
        return loads
    }
}
