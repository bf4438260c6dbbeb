public import Foundation

/// What a token may do.
public enum Role: String, Codable, Sendable, CaseIterable {
    /// Hotline operators: record tickets, classify, answer from the knowledge base.
    case `operator`
    /// A unit's handlers: work the tickets of their own unit.
    case handler
    /// Analysts: read everything, change nothing.
    case analyst
    /// Administrators: everything.
    case admin
}

/// Who is calling the API: the token's holder and its role (a handler's unit too).
public struct Principal: Sendable, Equatable {
    public var tokenId: UUID
    public var name: String
    public var role: Role
    /// The org unit a handler acts for; nil for other roles.
    public var unitCode: String?
    /// When the token stops authenticating; nil when it does not expire.
    public var expiresAt: Date?

    public init(tokenId: UUID, name: String, role: Role, unitCode: String?, expiresAt: Date? = nil) {
        self.tokenId = tokenId
        self.name = name
        self.role = role
        self.unitCode = unitCode
        self.expiresAt = expiresAt
    }
}
