/// One page of a ticket list.
struct TicketPage: Encodable {
    var items: [TicketView]
    /// Pass as `cursor` to get the next page; null on the last page.
    var nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case items
        case nextCursor = "next_cursor"
    }

    /// Encodes `next_cursor` also when it is null.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}
