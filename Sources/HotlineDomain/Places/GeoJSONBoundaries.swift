import Foundation

/// Reads district and township outlines from a GeoJSON `FeatureCollection` (RFC 7946): each
/// feature has `properties.code`, a district or township code of `divisions`, and a `Polygon` or
/// `MultiPolygon` geometry whose positions are `[longitude, latitude]` (WGS-84). Other
/// properties and any foreign members are ignored.
public enum GeoJSONBoundaries {
    /// The outlines in `data`, in the file's order; the first fault found is thrown, naming its
    /// feature.
    public static func parse(_ data: Data, divisions: [Division]) throws(GeoJSONBoundaryError) -> [PlaceBoundary] {
        let collection: GeoJSONFeatureCollection
        do {
            collection = try JSONDecoder().decode(GeoJSONFeatureCollection.self, from: data)
        } catch let error as DecodingError {
            throw GeoJSONBoundaryError(decoding: error)
        } catch {
            throw GeoJSONBoundaryError(feature: nil, reason: .malformed(path: "", detail: "\(error)"))
        }
        guard collection.type == "FeatureCollection" else {
            throw GeoJSONBoundaryError(feature: nil, reason: .notFeatureCollection(type: collection.type))
        }
        guard let features = collection.features else {
            throw GeoJSONBoundaryError(feature: nil, reason: .malformed(path: "features", detail: "missing"))
        }
        let tiers = Dictionary(divisions.map { ($0.code, $0.tier) }, uniquingKeysWith: { first, _ in first })
        var firstFeature: [String: Int] = [:]
        return try features.enumerated().map { (index, feature) throws(GeoJSONBoundaryError) in
            func failure(_ reason: GeoJSONBoundaryError.Reason) -> GeoJSONBoundaryError {
                GeoJSONBoundaryError(feature: index, reason: reason)
            }
            guard let code = feature.properties?.code else { throw failure(.missingCode) }
            guard let tier = tiers[code] else { throw failure(.unknownCode(code)) }
            guard tier != .municipal else { throw failure(.municipalCode(code)) }
            if let first = firstFeature[code] { throw failure(.duplicateCode(code, firstFeature: first)) }
            firstFeature[code] = index
            let positions: [[[[Double]]]]
            switch feature.geometry {
            case .polygon(let rings): positions = [rings]
            case .multiPolygon(let polygons): positions = polygons
            case .other(let type): throw failure(.unsupportedGeometry(type: type))
            case nil: throw failure(.unsupportedGeometry(type: "null"))
            }
            return PlaceBoundary(code: code, tier: tier, polygons: try polygons(positions, feature: index))
        }
    }

    /// `positions`, the geometry of feature `feature`, as polygons of checked, closed rings.
    private static func polygons(
        _ positions: [[[[Double]]]], feature: Int
    ) throws(GeoJSONBoundaryError) -> [[[Coordinates]]] {
        func failure(_ reason: GeoJSONBoundaryError.Reason) -> GeoJSONBoundaryError {
            GeoJSONBoundaryError(feature: feature, reason: reason)
        }
        guard !positions.isEmpty, positions.allSatisfy({ !$0.isEmpty }) else { throw failure(.emptyGeometry) }
        return try positions.enumerated().map { (polygon, rings) throws(GeoJSONBoundaryError) in
            try rings.enumerated().map { (ring, ringPositions) throws(GeoJSONBoundaryError) in
                let coordinates = try ringPositions.enumerated().map {
                    (position, numbers) throws(GeoJSONBoundaryError) in
                    guard let point = PlaceBoundary.coordinates(numbers), (-180...180).contains(point.longitude),
                        (-90...90).contains(point.latitude)
                    else {
                        throw failure(.invalidPosition(polygon: polygon, ring: ring, position: position))
                    }
                    return point
                }
                guard coordinates.count >= 4 else {
                    throw failure(.shortRing(polygon: polygon, ring: ring, positions: coordinates.count))
                }
                guard coordinates.first == coordinates.last else {
                    throw failure(.openRing(polygon: polygon, ring: ring))
                }
                return coordinates
            }
        }
    }
}
