public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// The leaders' reports produced on schedule (`scheduled_reports`): each period, start and scope
/// written once, read back as they were produced.
public enum ScheduledReportStore {
    /// What a stored report is, without its body: its period, scope, bounds, and when it was
    /// due and produced on the producing service's clock.
    public struct Header: Sendable, Codable, Equatable {
        public var period: ReportPeriod
        public var scope: String
        public var start: Date
        public var end: Date
        public var dueAt: Date
        public var producedAt: Date

        public init(period: ReportPeriod, scope: String, start: Date, end: Date, dueAt: Date, producedAt: Date) {
            self.period = period
            self.scope = scope
            self.start = start
            self.end = end
            self.dueAt = dueAt
            self.producedAt = producedAt
        }

        enum CodingKeys: String, CodingKey {
            case period, scope, start, end
            case dueAt = "due_at"
            case producedAt = "produced_at"
        }
    }

    /// The start of the newest `period` report produced for the city (every scope of a period is
    /// written in one transaction), nil when none was.
    public static func lastStart(
        of period: ReportPeriod, on connection: PostgresConnection, logger: Logger
    ) async throws -> Date? {
        let rows = try await connection.query(
            """
            SELECT max(period_start) FROM scheduled_reports
            WHERE period = \(period.rawValue) AND scope = \(ReportScope.city.key)
            """, logger: logger)
        for try await (start) in rows.decode(Date?.self) { return start }
        return nil
    }

    /// Takes the period's turn for the rest of the transaction (schedulers of several
    /// aggregators wait for each other) and tells whether it still needs its reports: false when
    /// another scheduler stored them meanwhile.
    public static func claim(
        _ period: ReportPeriod, start: Date, on connection: PostgresConnection, logger: Logger
    ) async throws -> Bool {
        try await connection.query(
            "SELECT pg_advisory_xact_lock(hashtext(\("scheduled_reports " + period.rawValue)))", logger: logger)
        let rows = try await connection.query(
            """
            SELECT 1 FROM scheduled_reports
            WHERE period = \(period.rawValue) AND scope = \(ReportScope.city.key) AND period_start = \(start)
            """, logger: logger)
        for try await _ in rows.decode(Int.self) { return false }
        return true
    }

    /// Stores `report` under its period, scope and start unless one is there already; whether
    /// it was written.
    @discardableResult
    public static func save(
        _ report: PeriodReport, period: ReportPeriod, dueAt: Date, producedAt: Date, on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Bool {
        let body = String(decoding: try encoder.encode(report), as: UTF8.self)
        let rows = try await connection.query(
            """
            INSERT INTO scheduled_reports (period, scope, period_start, period_end, due_at, produced_at, body)
            VALUES (\(period.rawValue), \(report.scope), \(report.start), \(report.end), \(dueAt), \(producedAt), \(body)::jsonb)
            ON CONFLICT DO NOTHING RETURNING 1
            """, logger: logger)
        for try await _ in rows.decode(Int.self) { return true }
        return false
    }

    /// The stored report of `period` starting at `start` in `scope`, with its header; nil when
    /// none was produced.
    public static func report(
        _ period: ReportPeriod, start: Date, scope: ReportScope, on connection: PostgresConnection, logger: Logger
    ) async throws -> (header: Header, report: PeriodReport)? {
        let rows = try await connection.query(
            """
            SELECT period_end, due_at, produced_at, body::text FROM scheduled_reports
            WHERE period = \(period.rawValue) AND scope = \(scope.key) AND period_start = \(start)
            """, logger: logger)
        for try await (end, due, produced, body) in rows.decode((Date, Date, Date, String).self) {
            let header = Header(
                period: period, scope: scope.key, start: start, end: end, dueAt: due, producedAt: produced)
            return (header, try decoder.decode(PeriodReport.self, from: Data(body.utf8)))
        }
        return nil
    }

    /// The headers of the newest `limit` stored `period` reports of `scope`, newest first.
    public static func headers(
        _ period: ReportPeriod, scope: ReportScope, limit: Int, on connection: PostgresConnection, logger: Logger
    ) async throws -> [Header] {
        let rows = try await connection.query(
            """
            SELECT period_start, period_end, due_at, produced_at FROM scheduled_reports
            WHERE period = \(period.rawValue) AND scope = \(scope.key)
            ORDER BY period_start DESC LIMIT \(limit)
            """, logger: logger)
        var headers: [Header] = []
        for try await (start, end, due, produced) in rows.decode((Date, Date, Date, Date).self) {
            headers.append(
                Header(period: period, scope: scope.key, start: start, end: end, dueAt: due, producedAt: produced))
        }
        return headers
    }

    /// Every district's code with its townships' codes, the scopes the schedule writes.
    public static func districts(
        on connection: PostgresConnection, logger: Logger
    ) async throws -> [(district: String, townships: Set<String>)] {
        let rows = try await connection.query(
            """
            SELECT d.code, COALESCE(array_agg(t.code) FILTER (WHERE t.code IS NOT NULL), '{}')
            FROM divisions d LEFT JOIN divisions t ON t.parent_code = d.code AND t.tier = 'township'
            WHERE d.tier = 'district' GROUP BY d.code ORDER BY d.code
            """, logger: logger)
        var districts: [(district: String, townships: Set<String>)] = []
        for try await (code, townships) in rows.decode((String, [String]).self) {
            districts.append((code, Set(townships)))
        }
        return districts
    }

    /// How report bodies are written: dates in ISO 8601, as the API serves them.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// How report bodies are read.
    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
