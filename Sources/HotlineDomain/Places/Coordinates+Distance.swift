import Foundation

extension Coordinates {
    /// The Earth's mean radius in metres (IUGG).
    public static let earthRadius = 6_371_008.8

    /// The great-circle distance to `other` in metres, by the haversine formula on a sphere of
    /// the Earth's mean radius.
    public func distance(to other: Coordinates) -> Double {
        let radians = Double.pi / 180
        let latitudeChange = (other.latitude - latitude) * radians
        let longitudeChange = (other.longitude - longitude) * radians
        let haversine =
            pow(sin(latitudeChange / 2), 2) + cos(latitude * radians) * cos(other.latitude * radians)
            * pow(sin(longitudeChange / 2), 2)
        return 2 * Self.earthRadius * asin(min(1, sqrt(haversine)))
    }
}
