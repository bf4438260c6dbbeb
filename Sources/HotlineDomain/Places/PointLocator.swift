/// Locates a WGS-84 point among the loaded district and township outlines: a township's outline
/// first, then a district's, and else the nearest district centre (great-circle distance).
/// Each outline's bounding box is computed once, so most outlines are rejected with four
/// comparisons.
public struct PointLocator: Sendable {
    /// An outline with its box and the district it belongs to.
    struct Outline: Sendable {
        var code: String
        var districtCode: String
        var boundary: PlaceBoundary
        var box: BoundingBox

        func contains(_ point: Coordinates) -> Bool {
            box.contains(point) && boundary.contains(point)
        }
    }

    private let townships: [Outline]
    private let districts: [Outline]
    private let centres: [(code: String, coordinates: Coordinates)]

    /// A locator over `boundaries`, falling back to `centres`, which must not be empty. A
    /// township's district is its parent in `divisions`; a township outline whose division has
    /// no parent there, an outline without positions and a municipal outline are left out.
    /// Where outlines overlap, the lowest code wins.
    public init(boundaries: [PlaceBoundary], centres: [DistrictCentre], divisions: [Division]) {
        precondition(!centres.isEmpty, "locating a point needs at least one district centre")
        let parents = Dictionary(
            divisions.compactMap { division in division.parentCode.map { (division.code, $0) } },
            uniquingKeysWith: { first, _ in first })
        let sorted = boundaries.sorted { $0.code < $1.code }
        townships = sorted.filter { $0.tier == .township }.compactMap { boundary in
            guard let district = parents[boundary.code], let box = BoundingBox(around: boundary) else { return nil }
            return Outline(code: boundary.code, districtCode: district, boundary: boundary, box: box)
        }
        districts = sorted.filter { $0.tier == .district }.compactMap { boundary in
            BoundingBox(around: boundary).map {
                Outline(code: boundary.code, districtCode: boundary.code, boundary: boundary, box: $0)
            }
        }
        self.centres = centres.map { ($0.code, Coordinates(latitude: $0.latitude, longitude: $0.longitude)) }
    }

    /// Where `point` lies: see the type's description.
    public func locate(_ point: Coordinates) -> PointLocation {
        if let township = townships.first(where: { $0.contains(point) }) {
            return .township(districtCode: township.districtCode, townshipCode: township.code)
        }
        if let district = districts.first(where: { $0.contains(point) }) {
            return .district(district.code)
        }
        let nearest = centres.min { point.distance(to: $0.coordinates) < point.distance(to: $1.coordinates) }
        return .nearestDistrict(nearest!.code)
    }
}
