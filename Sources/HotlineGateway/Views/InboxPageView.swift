import HotlineDomain
import HotlineServices

/// One page of a unit's inbox (`GET /units/{code}/inbox`): the items, the cursor of the next
/// page, and the unit's unacknowledged items by kind with the unread count.
struct InboxPageView: Encodable {
    var unitCode: String
    var items: [InboxItemView]
    var nextCursor: String?
    /// Every kind, with zero for those without open items.
    var openCounts: [String: Int]
    var unread: Int

    enum CodingKeys: String, CodingKey {
        case items, unread
        case unitCode = "unit_code"
        case nextCursor = "next_cursor"
        case openCounts = "open_counts"
    }

    init(unitCode: String, _ page: ReadInbox.Page) {
        self.unitCode = unitCode
        items = page.items.map(InboxItemView.init)
        nextCursor = page.next.map(String.init)
        openCounts = Dictionary(
            uniqueKeysWithValues: InboxKind.allCases.map { ($0.rawValue, page.openByKind[$0] ?? 0) })
        unread = page.unread
    }

    /// Encodes `next_cursor` also when it is null.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(unitCode, forKey: .unitCode)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
        try container.encode(openCounts, forKey: .openCounts)
        try container.encode(unread, forKey: .unread)
    }
}
