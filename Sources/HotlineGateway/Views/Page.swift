/// A list the API returns whole, without a cursor.
struct Page<Item: Encodable>: Encodable {
    var items: [Item]
}

/// One page of a list the API returns in pages.
struct CursorPage<Item: Encodable>: Encodable {
    var items: [Item]
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
