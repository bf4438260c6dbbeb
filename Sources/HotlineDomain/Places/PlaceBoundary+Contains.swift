extension PlaceBoundary {
    /// Whether `point` lies inside the outline: inside one of its polygons, by ray casting with
    /// the even-odd rule over all of a polygon's rings, so a point in a hole is outside. Longitude
    /// and latitude are taken as plane coordinates, which is close enough at a city's scale; a
    /// point exactly on an edge may fall on either side.
    public func contains(_ point: Coordinates) -> Bool {
        polygons.contains { polygon in
            polygon.reduce(false) { inside, ring in inside != Self.ray(from: point, crossesOddly: ring) }
        }
    }

    /// Whether a ray from `point` towards growing longitude crosses `ring`'s edges an odd number
    /// of times.
    static func ray(from point: Coordinates, crossesOddly ring: [Coordinates]) -> Bool {
        guard let last = ring.last else { return false }
        var odd = false
        var previous = last
        for vertex in ring {
            if (vertex.latitude > point.latitude) != (previous.latitude > point.latitude) {
                let crossing =
                    vertex.longitude + (previous.longitude - vertex.longitude) * (point.latitude - vertex.latitude)
                    / (previous.latitude - vertex.latitude)
                if point.longitude < crossing { odd.toggle() }
            }
            previous = vertex
        }
        return odd
    }
}
