public import HotlineDomain

/// Where the Open311 intake finds the division a point lies in: the city's loaded outlines, else
/// the nearest district centre (`BoundaryLocator`); a fixed answer in tests.
public protocol PointLocating: Sendable {
    /// The division `point` lies in.
    func locate(_ point: Coordinates) async throws -> PointLocation
}
