/// Where a request is, as far as its words tell: a township (and so its district), only a
/// district, or nothing.
public struct PlaceResolution: Sendable, Equatable {
    public var districtCode: String?
    public var townshipCode: String?
    /// The stretches of the text (in Unicode scalar offsets) that named a place, so a text
    /// classifier can leave them out.
    public var spans: [Range<Int>]

    public init(districtCode: String? = nil, townshipCode: String? = nil, spans: [Range<Int>] = []) {
        self.districtCode = districtCode
        self.townshipCode = townshipCode
        self.spans = spans
    }

    public static let unknown = PlaceResolution()
}
