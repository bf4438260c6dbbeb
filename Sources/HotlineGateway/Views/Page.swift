/// A list the API returns whole, without a cursor.
struct Page<Item: Encodable>: Encodable {
    var items: [Item]
}
