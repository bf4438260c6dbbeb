public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// The audit trail of unmasked reads (`audit_reads`): appended in batches, searched by admins.
public enum AuditStore {
    /// What an audit search is narrowed to; all given fields must match.
    public struct Filter: Sendable, Equatable {
        public var tokenId: UUID?
        public var unitCode: String?
        public var ticketId: UUID?
        public var role: Role?
        public var from: Date?
        public var before: Date?

        public init(
            tokenId: UUID? = nil, unitCode: String? = nil, ticketId: UUID? = nil, role: Role? = nil, from: Date? = nil,
            before: Date? = nil
        ) {
            self.tokenId = tokenId
            self.unitCode = unitCode
            self.ticketId = ticketId
            self.role = role
            self.from = from
            self.before = before
        }
    }

    /// One recorded read, with the sequence number that orders the trail.
    public struct Record: Sendable, Equatable {
        public var sequence: Int64
        public var entry: AuditEntry
        public var ticketNumber: String?

        public init(sequence: Int64, entry: AuditEntry, ticketNumber: String? = nil) {
            self.sequence = sequence
            self.entry = entry
            self.ticketNumber = ticketNumber
        }
    }

    /// Appends `entries` in one statement.
    public static func append(_ entries: [AuditEntry], on connection: PostgresConnection, logger: Logger) async throws {
        guard !entries.isEmpty else { return }
        try await connection.query(
            """
            INSERT INTO audit_reads (token_id, token_name, role, unit_code, ticket_id, purpose, read_at)
            SELECT token, name, role, NULLIF(unit, ''), ticket, purpose, read_at
            FROM unnest(\(entries.map(\.tokenId))::uuid[], \(entries.map(\.tokenName))::text[],
                        \(entries.map(\.role.rawValue))::text[], \(entries.map { $0.unitCode ?? "" })::text[],
                        \(entries.map(\.ticketId))::uuid[], \(entries.map(\.purpose))::text[],
                        \(entries.map(\.readAt))::timestamptz[])
                 AS e(token, name, role, unit, ticket, purpose, read_at)
            """, logger: logger)
    }

    /// Up to `limit` recorded reads matching `filter`, newest first, before sequence `cursor`.
    public static func search(
        _ filter: Filter, before cursor: Int64?, limit: Int, on connection: PostgresConnection, logger: Logger
    ) async throws -> [Record] {
        var query = QueryBuilder(
            """
            SELECT id, token_id, token_name, role, unit_code, ticket_id, ticket_number, purpose, read_at
            FROM audit_trail WHERE TRUE
            """)
        if let token = filter.tokenId { query.append(" AND token_id = \(token)") }
        if let unit = filter.unitCode { query.append(" AND unit_code = \(unit)") }
        if let ticket = filter.ticketId { query.append(" AND ticket_id = \(ticket)") }
        if let role = filter.role { query.append(" AND role = \(role.rawValue)") }
        if let from = filter.from { query.append(" AND read_at >= \(from)") }
        if let before = filter.before { query.append(" AND read_at < \(before)") }
        if let cursor { query.append(" AND id < \(cursor)") }
        query.append(" ORDER BY id DESC LIMIT \(limit)")
        var records: [Record] = []
        for try await (id, token, name, role, unit, ticket, number, purpose, readAt) in try await connection.query(
            query.query, logger: logger
        ).decode((Int64, UUID, String, String, String?, UUID, String?, String, Date).self) {
            records.append(
                Record(
                    sequence: id,
                    entry: AuditEntry(
                        tokenId: token, tokenName: name, role: try .stored(role, column: "role"), unitCode: unit,
                        ticketId: ticket, purpose: purpose, readAt: readAt),
                    ticketNumber: number))
        }
        return records
    }
}
