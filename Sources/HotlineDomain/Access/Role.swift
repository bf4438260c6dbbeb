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
    /// External systems (civic apps): file and follow requests through Open311, nothing else.
    case external
    /// Grid workers (网格员) of one community: report the problems they find, take the tasks
    /// their township dispatches down to the community, and see nothing else.
    case gridWorker = "grid_worker"
}

/// Who is calling the API: the token's holder and its role (a handler's unit too, with the
/// unit's tier and district, which set the handler's scope: `Principal.scope`).
public struct Principal: Sendable, Equatable {
    public var tokenId: UUID
    public var name: String
    public var role: Role
    /// The org unit a handler acts for (a grid worker's community); nil for other roles.
    public var unitCode: String?
    /// The tier of `unitCode` (nil when the unit is unknown).
    public var unitKind: OrgUnit.Kind?
    /// The district `unitCode` serves (nil for city-level units).
    public var districtCode: String?
    /// When the token stops authenticating; nil when it does not expire.
    public var expiresAt: Date?

    public init(
        tokenId: UUID, name: String, role: Role, unitCode: String?, unitKind: OrgUnit.Kind? = nil,
        districtCode: String? = nil, expiresAt: Date? = nil
    ) {
        self.tokenId = tokenId
        self.name = name
        self.role = role
        self.unitCode = unitCode
        self.unitKind = unitKind
        self.districtCode = districtCode
        self.expiresAt = expiresAt
    }
}
