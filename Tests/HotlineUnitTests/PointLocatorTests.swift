import HotlineDomain
import Testing

/// Locating a point: a township's outline, else a district's, else the nearest district centre;
/// holes, several polygons and bounding boxes.
@Suite("Point locator")
struct PointLocatorTests {
    let locator = PointLocator(
        boundaries: [PlaceFixtures.chaowai, PlaceFixtures.chaoyang, PlaceFixtures.jianwai],
        centres: PlaceFixtures.centres, divisions: PlaceFixtures.divisions)

    static func point(_ latitude: Double, _ longitude: Double) -> Coordinates {
        Coordinates(latitude: latitude, longitude: longitude)
    }

    @Test("a point in a township's outline gives the township and its parent district")
    func township() {
        #expect(
            locator.locate(Self.point(39.901, 116.441)) == .township(districtCode: "110105", townshipCode: "110105001"))
    }

    @Test("a point in a hole of a township lies in the district around it")
    func hole() {
        #expect(locator.locate(Self.point(39.91, 116.45)) == .district("110105"))
    }

    @Test("each polygon of a multipolygon holds its points, the gap between them does not")
    func multiPolygon() {
        let township = PointLocation.township(districtCode: "110105", townshipCode: "110105002")
        #expect(locator.locate(Self.point(39.955, 116.505)) == township)
        #expect(locator.locate(Self.point(39.955, 116.525)) == township)
        #expect(locator.locate(Self.point(39.955, 116.515)) == .district("110105"))
    }

    @Test("outside every outline, the nearest district centre")
    func nearestCentre() {
        #expect(locator.locate(Self.point(39.96, 116.30)) == .nearestDistrict("110108"))
        #expect(locator.locate(Self.point(39.80, 116.70)) == .nearestDistrict("110105"))
    }

    @Test("without outlines every point goes to the nearest district centre")
    func noOutlines() {
        let bare = PointLocator(boundaries: [], centres: PlaceFixtures.centres, divisions: PlaceFixtures.divisions)
        #expect(bare.locate(Self.point(39.901, 116.441)) == .nearestDistrict("110105"))
    }

    @Test("a township whose division has no parent is left out, its district still holds the point")
    func orphanTownship() {
        let orphan = PointLocator(
            boundaries: [PlaceFixtures.chaoyang, PlaceFixtures.jianwai], centres: PlaceFixtures.centres,
            divisions: PlaceFixtures.divisions.filter { $0.code != "110105001" })
        #expect(orphan.locate(Self.point(39.901, 116.441)) == .district("110105"))
    }

    @Test("the ray test: inside, outside, and a concave ring's notch")
    func concave() {
        // A U shape: the notch 116.01…116.02 E, 39.01…39.03 N is outside.
        let ring = [
            (116.00, 39.00), (116.03, 39.00), (116.03, 39.03), (116.02, 39.03), (116.02, 39.01),
            (116.01, 39.01), (116.01, 39.03), (116.00, 39.03), (116.00, 39.00),
        ].map { Coordinates(latitude: $0.1, longitude: $0.0) }
        let shape = PlaceBoundary(code: "110105", tier: .district, polygons: [[ring]])
        #expect(shape.contains(Self.point(39.02, 116.005)))
        #expect(shape.contains(Self.point(39.02, 116.025)))
        #expect(!shape.contains(Self.point(39.02, 116.015)))
        #expect(shape.contains(Self.point(39.005, 116.015)))
        #expect(!shape.contains(Self.point(39.02, 115.99)))
    }
}
