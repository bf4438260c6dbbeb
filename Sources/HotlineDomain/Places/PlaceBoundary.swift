/// The outline of a district or a township: a multipolygon whose polygons are rings of
/// positions, the first ring the outer one and the others holes. Loaded from a GeoJSON file
/// (`GeoJSONBoundaries`), kept in PostgreSQL, used to locate a point (`PointLocator`).
///
/// Encoded as `{"code", "tier", "polygons"}`, `polygons` in GeoJSON's `MultiPolygon` form:
/// positions are `[longitude, latitude]` arrays.
public struct PlaceBoundary: Sendable, Equatable, Codable {
    /// The division's code (`Schemas/places/divisions.csv`).
    public var code: String
    /// `.district` or `.township`.
    public var tier: Division.Tier
    /// Polygons of rings of positions; each ring closed (its last position is its first).
    public var polygons: [[[Coordinates]]]

    /// A boundary of the division `code` with the given polygons.
    public init(code: String, tier: Division.Tier, polygons: [[[Coordinates]]]) {
        self.code = code
        self.tier = tier
        self.polygons = polygons
    }

    enum CodingKeys: String, CodingKey {
        case code, tier, polygons
    }

    /// Decodes the form described on the type; a position must be two or three numbers.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        tier = try container.decode(Division.Tier.self, forKey: .tier)
        let positions = try container.decode([[[[Double]]]].self, forKey: .polygons)
        polygons = try positions.map { polygon in
            try polygon.map { ring in
                try ring.map { position in
                    guard let coordinates = Self.coordinates(position) else {
                        throw DecodingError.dataCorruptedError(
                            forKey: .polygons, in: container,
                            debugDescription: "a position is not [longitude, latitude]")
                    }
                    return coordinates
                }
            }
        }
    }

    /// Encodes the form described on the type.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(tier, forKey: .tier)
        try container.encode(
            polygons.map { $0.map { $0.map { [$0.longitude, $0.latitude] } } }, forKey: .polygons)
    }

    /// The coordinates of a GeoJSON position (`[longitude, latitude]`, maybe with an altitude,
    /// which is ignored); nil when it has fewer than two or more than three numbers.
    static func coordinates(_ position: [Double]) -> Coordinates? {
        guard (2...3).contains(position.count) else { return nil }
        return Coordinates(latitude: position[1], longitude: position[0])
    }
}
