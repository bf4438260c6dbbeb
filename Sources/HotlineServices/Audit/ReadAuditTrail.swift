public import HotlineStorage

/// The audit trail as administrators read it (`GET /audit`): pages of recorded reads, newest first.
public struct ReadAuditTrail: Sendable {
    /// One page, and the sequence number the next one starts before (nil on the last page).
    public struct Page: Sendable, Equatable {
        public var records: [AuditStore.Record]
        public var next: Int64?
    }

    /// The most records one page holds.
    public static let maximumPageSize = 500

    private let reader: any AuditReader

    public init(reader: any AuditReader) {
        self.reader = reader
    }

    /// Up to `limit` reads matching `filter`, before the sequence number `cursor`.
    public func page(_ filter: AuditStore.Filter, before cursor: Int64?, limit: Int) async throws -> Page {
        let records = try await reader.records(matching: filter, before: cursor, limit: limit)
        return Page(records: records, next: records.count == limit ? records.last?.sequence : nil)
    }
}
