import Foundation
import HotlineDomain
import HotlineServices
import HotlineStorage
import Synchronization

/// The audit trail in memory, for router tests: what the use cases recorded, searchable as
/// `GET /audit` searches PostgreSQL's.
final class RecordingAuditTrail: AuditTrail, AuditReader {
    private let entries = Mutex([AuditEntry]())

    /// Every entry recorded, oldest first.
    var recorded: [AuditEntry] { entries.withLock { $0 } }

    func record(_ principal: Principal, read ticketId: UUID, purpose: String) {
        entries.withLock { $0.append(AuditEntry(principal, read: ticketId, purpose: purpose, at: Date())) }
    }

    func records(
        matching filter: AuditStore.Filter, before cursor: Int64?, limit: Int
    ) async throws -> [AuditStore.Record] {
        let numbered = entries.withLock { $0 }.enumerated().map {
            AuditStore.Record(sequence: Int64($0 + 1), entry: $1)
        }
        return Array(
            numbered.reversed().filter { record in
                (cursor.map { record.sequence < $0 } ?? true)
                    && (filter.ticketId.map { record.entry.ticketId == $0 } ?? true)
                    && (filter.tokenId.map { record.entry.tokenId == $0 } ?? true)
                    && (filter.unitCode.map { record.entry.unitCode == $0 } ?? true)
                    && (filter.role.map { record.entry.role == $0 } ?? true)
            }.prefix(limit))
    }
}
