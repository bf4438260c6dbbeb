import Foundation
import HotlineDomain
import HotlineStorage

/// One recorded read of the audit trail as `GET /audit` shows it.
struct AuditEntryView: Encodable {
    var sequence: Int64
    var readAt: Date
    var tokenId: UUID
    var tokenName: String
    var role: Role
    var unitCode: String?
    var ticketId: UUID
    var ticketNumber: String?
    var purpose: String

    enum CodingKeys: String, CodingKey {
        case sequence, role, purpose
        case readAt = "read_at"
        case tokenId = "token_id"
        case tokenName = "token_name"
        case unitCode = "unit_code"
        case ticketId = "ticket_id"
        case ticketNumber = "ticket_number"
    }

    init(_ record: AuditStore.Record) {
        sequence = record.sequence
        readAt = record.entry.readAt
        tokenId = record.entry.tokenId
        tokenName = record.entry.tokenName
        role = record.entry.role
        unitCode = record.entry.unitCode
        ticketId = record.entry.ticketId
        ticketNumber = record.ticketNumber
        purpose = record.entry.purpose
    }
}
