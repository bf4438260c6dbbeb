/// Where a point lies among the city's divisions (`PointLocator`).
public enum PointLocation: Sendable, Equatable {
    /// Inside a township's outline; the district is the township's parent division.
    case township(districtCode: String, townshipCode: String)
    /// Inside a district's outline, and no township outline holds the point.
    case district(String)
    /// No outline holds the point (or none is loaded): the district whose centre is nearest.
    case nearestDistrict(String)
}
