/// Why a GeoJSON boundary file was rejected, and which feature (its index in `features`,
/// counting from 0) when one feature is at fault.
public struct GeoJSONBoundaryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong. Polygons, rings and positions are counted from 0 within their feature's
    /// geometry (a `Polygon` is polygon 0).
    public enum Reason: Equatable, Sendable {
        /// Not JSON, or not the shape GeoJSON gives (`path` is a JSON path).
        case malformed(path: String, detail: String)
        /// The top-level `type` is not `FeatureCollection`.
        case notFeatureCollection(type: String)
        /// The feature has no `properties.code`.
        case missingCode
        /// `properties.code` is no known division.
        case unknownCode(String)
        /// `properties.code` is the municipality, which has no outline of its own here.
        case municipalCode(String)
        /// The geometry is not a `Polygon` or a `MultiPolygon` (or is null).
        case unsupportedGeometry(type: String)
        /// The geometry has no polygon, or a polygon has no ring.
        case emptyGeometry
        /// A ring has fewer than 4 positions.
        case shortRing(polygon: Int, ring: Int, positions: Int)
        /// A ring's last position is not its first.
        case openRing(polygon: Int, ring: Int)
        /// A position is not `[longitude, latitude]` with the longitude in -180...180 and the
        /// latitude in -90...90.
        case invalidPosition(polygon: Int, ring: Int, position: Int)
        /// An earlier feature (`firstFeature`) has the same code.
        case duplicateCode(String, firstFeature: Int)
    }

    /// The index of the feature at fault, nil when the file as a whole is.
    public var feature: Int?
    public var reason: Reason

    /// An error about `feature` (nil: the whole file).
    public init(feature: Int?, reason: Reason) {
        self.feature = feature
        self.reason = reason
    }

    /// The reason, after the feature's place in the file (`features[3]: ...`).
    public var description: String {
        let subject = feature.map { "features[\($0)]: " } ?? ""
        return subject + reasonDescription
    }

    private var reasonDescription: String {
        switch reason {
        case .malformed(let path, let detail): path.isEmpty ? detail : "\(path): \(detail)"
        case .notFeatureCollection(let type): "the file is a GeoJSON \(type), not a FeatureCollection"
        case .missingCode: "no properties.code (a district or township code)"
        case .unknownCode(let code): "properties.code \(code) is no known district or township"
        case .municipalCode(let code): "properties.code \(code) is the municipality; give districts and townships"
        case .unsupportedGeometry(let type): "the geometry is \(type), not a Polygon or a MultiPolygon"
        case .emptyGeometry: "the geometry has no polygon, or a polygon without rings"
        case .shortRing(let polygon, let ring, let positions):
            "polygon \(polygon) ring \(ring) has \(positions) positions, fewer than 4"
        case .openRing(let polygon, let ring): "polygon \(polygon) ring \(ring) does not end where it starts"
        case .invalidPosition(let polygon, let ring, let position):
            "polygon \(polygon) ring \(ring) position \(position) is not [longitude, latitude] within range"
        case .duplicateCode(let code, let first): "properties.code \(code) already outlined by features[\(first)]"
        }
    }
}

extension GeoJSONBoundaryError {
    /// The error for a file the JSON decoder rejected, naming the feature when the fault lies
    /// inside one.
    init(decoding error: DecodingError) {
        let path: [any CodingKey]
        let detail: String
        switch error {
        case .typeMismatch(let type, let context):
            (path, detail) = (context.codingPath, "expected \(type)")
        case .valueNotFound(let type, let context):
            (path, detail) = (context.codingPath, "expected \(type), found null")
        case .keyNotFound(let key, let context):
            (path, detail) = (context.codingPath + [key], "missing")
        case .dataCorrupted(let context):
            (path, detail) = (context.codingPath, context.debugDescription)
        @unknown default:
            (path, detail) = ([], "\(error)")
        }
        let feature = path.count >= 2 && path[0].stringValue == "features" ? path[1].intValue : nil
        let rendered = path.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
        self.init(
            feature: feature,
            reason: .malformed(path: rendered.hasPrefix(".") ? String(rendered.dropFirst()) : rendered, detail: detail))
    }
}
