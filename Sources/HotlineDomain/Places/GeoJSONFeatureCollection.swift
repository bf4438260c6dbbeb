/// The parts of a GeoJSON `FeatureCollection` (RFC 7946) that boundary files use: each
/// feature's `properties.code` and its geometry's positions, still unchecked.
struct GeoJSONFeatureCollection: Decodable {
    /// One feature: a division's code and its outline.
    struct Feature: Decodable {
        var properties: Properties?
        var geometry: Geometry?
    }

    /// A feature's properties: only `code`, a string or an integer.
    struct Properties: Decodable {
        var code: String?

        enum CodingKeys: String, CodingKey {
            case code
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let text = try? container.decodeIfPresent(String.self, forKey: .code) {
                code = text
            } else {
                code = try container.decodeIfPresent(Int.self, forKey: .code).map(String.init)
            }
        }
    }

    /// A feature's geometry; any type but the two polygon types is kept only by its name.
    enum Geometry: Decodable {
        case polygon([[[Double]]])
        case multiPolygon([[[[Double]]]])
        case other(type: String)

        enum CodingKeys: String, CodingKey {
            case type, coordinates
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let type = try container.decode(String.self, forKey: .type)
            switch type {
            case "Polygon": self = .polygon(try container.decode([[[Double]]].self, forKey: .coordinates))
            case "MultiPolygon": self = .multiPolygon(try container.decode([[[[Double]]]].self, forKey: .coordinates))
            default: self = .other(type: type)
            }
        }
    }

    var type: String
    /// Optional here so that a file of another type is named as such rather than as missing
    /// its features.
    var features: [Feature]?
}
