public import Foundation

/// One read of a caller's personal data, unmasked: who read which ticket, when, and through
/// which route (the purpose). Kept append-only in `audit_reads`.
public struct AuditEntry: Sendable, Equatable {
    public var tokenId: UUID
    public var tokenName: String
    public var role: Role
    /// The reader's unit; nil for roles without one.
    public var unitCode: String?
    public var ticketId: UUID
    /// The route that showed the data, e.g. `GET /tickets/{id}`.
    public var purpose: String
    public var readAt: Date

    public init(
        tokenId: UUID, tokenName: String, role: Role, unitCode: String?, ticketId: UUID, purpose: String,
        readAt: Date
    ) {
        self.tokenId = tokenId
        self.tokenName = tokenName
        self.role = role
        self.unitCode = unitCode
        self.ticketId = ticketId
        self.purpose = purpose
        self.readAt = readAt
    }

    /// The entry for `principal` reading `ticketId` through `purpose` at `time`.
    public init(_ principal: Principal, read ticketId: UUID, purpose: String, at time: Date) {
        self.init(
            tokenId: principal.tokenId, tokenName: principal.name, role: principal.role, unitCode: principal.unitCode,
            ticketId: ticketId, purpose: purpose, readAt: time)
    }
}
