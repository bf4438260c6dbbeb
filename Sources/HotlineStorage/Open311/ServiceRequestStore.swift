public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// The SQL of Open311: a filing written with its ticket, and the filed requests read back.
public enum ServiceRequestStore {
    /// Records that ticket `ticketId` was filed through Open311 as `filing`.
    public static func insertFiling(
        _ filing: Open311Filing, ticketId: UUID, at time: Date, on connection: PostgresConnection, logger: Logger
    ) async throws {
        let attributes = String(decoding: try JSONEncoder().encode(filing.attributes), as: UTF8.self)
        try await connection.query(
            """
            INSERT INTO open311_filings (ticket_id, client_token_id, service_code, attributes, filed_at)
            VALUES (\(ticketId), \(filing.clientTokenId), \(filing.serviceCode), \(attributes)::jsonb, \(time))
            """, logger: logger)
    }

    /// Up to `limit` filed requests matching `filter`, newest first.
    public static func requests(
        matching filter: ServiceRequestFilter, limit: Int, on connection: PostgresConnection, logger: Logger
    ) async throws -> [ServiceRequestRecord] {
        var query = QueryBuilder("SELECT \(unescaped: ServiceRequestRecord.columns) \(unescaped: joins)")
        if let numbers = filter.numbers {
            query.append(" WHERE t.number = ANY(\(numbers)::text[])")
        } else {
            query.append(" WHERE f.filed_at >= \(filter.from) AND f.filed_at <= \(filter.to)")
            if let codes = filter.serviceCodes {
                query.append(" AND coalesce(t.category_code, f.service_code) = ANY(\(codes)::text[])")
            }
            if let states = filter.states {
                query.append(" AND t.state = ANY(\(states.map(\.rawValue))::text[])")
            }
        }
        query.append(" ORDER BY f.filed_at DESC, t.number DESC LIMIT \(limit)")
        return try await connection.query(query.query, logger: logger).collect().map(ServiceRequestRecord.init(row:))
    }

    /// The filed request whose token is `token` (its ticket's id), or nil.
    public static func request(
        token: UUID, on connection: PostgresConnection, logger: Logger
    ) async throws -> ServiceRequestRecord? {
        try await connection.query(
            """
            SELECT \(unescaped: ServiceRequestRecord.columns) \(unescaped: joins)
            WHERE f.ticket_id = \(token)
            """, logger: logger
        ).collect().first.map(ServiceRequestRecord.init(row:))
    }

    /// The filings with their tickets, lead units, deadlines and services.
    private static let joins = """
        FROM open311_filings f
        JOIN tickets t ON t.id = f.ticket_id
        LEFT JOIN org_units u ON u.code = t.unit_code
        LEFT JOIN ticket_deadlines d ON d.ticket_id = t.id
        LEFT JOIN catalog_entries c ON c.code = coalesce(t.category_code, f.service_code)
        """
}
