/// The smallest latitude/longitude rectangle around an outline: a point outside it is outside
/// the outline, which spares the exact test for most outlines.
struct BoundingBox: Sendable, Equatable {
    var latitudes: ClosedRange<Double>
    var longitudes: ClosedRange<Double>

    /// The box around every position of `boundary`; nil when it has no position.
    init?(around boundary: PlaceBoundary) {
        let positions = boundary.polygons.lazy.joined().joined()
        guard let first = positions.first else { return nil }
        var latitudes = first.latitude...first.latitude
        var longitudes = first.longitude...first.longitude
        for position in positions {
            latitudes = min(latitudes.lowerBound, position.latitude)...max(latitudes.upperBound, position.latitude)
            longitudes =
                min(longitudes.lowerBound, position.longitude)...max(longitudes.upperBound, position.longitude)
        }
        self.latitudes = latitudes
        self.longitudes = longitudes
    }

    /// Whether `point` lies in the box (its edges included).
    func contains(_ point: Coordinates) -> Bool {
        latitudes.contains(point.latitude) && longitudes.contains(point.longitude)
    }
}
