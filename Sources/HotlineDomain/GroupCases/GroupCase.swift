public import Foundation

/// A group request (群体诉求) as a case: 10 or more requests on one leaf in one township within
/// 24 hours, linked with the later ones that matched while it was open. It carries no caller data.
public struct GroupCase: Sendable, Equatable {
    public var id: UUID
    public var leafCode: String
    public var townshipCode: String
    /// The township's district, whose sub-center is told of the case and may resolve it.
    public var districtCode: String?
    public var state: GroupCaseState
    public var ticketCount: Int
    /// When the first and the latest linked request came in.
    public var firstAt: Date
    public var lastAt: Date
    public var detectedAt: Date
    public var resolvedAt: Date?

    public init(
        id: UUID, leafCode: String, townshipCode: String, districtCode: String?, state: GroupCaseState,
        ticketCount: Int, firstAt: Date, lastAt: Date, detectedAt: Date, resolvedAt: Date? = nil
    ) {
        self.id = id
        self.leafCode = leafCode
        self.townshipCode = townshipCode
        self.districtCode = districtCode
        self.state = state
        self.ticketCount = ticketCount
        self.firstAt = firstAt
        self.lastAt = lastAt
        self.detectedAt = detectedAt
        self.resolvedAt = resolvedAt
    }
}
