import Foundation
import HotlineDomain
import Testing

/// Reading outlines from a GeoJSON FeatureCollection, and every fault named with its feature.
@Suite("GeoJSON boundaries")
struct GeoJSONBoundariesTests {
    static func parse(_ features: [String]) throws(GeoJSONBoundaryError) -> [PlaceBoundary] {
        try GeoJSONBoundaries.parse(PlaceFixtures.collection(features), divisions: PlaceFixtures.divisions)
    }

    static func fault(_ features: [String]) -> GeoJSONBoundaryError? {
        do {
            _ = try parse(features)
            return nil
        } catch {
            return error
        }
    }

    static let square = PlaceFixtures.squarePolygon(longitude: 116.44, latitude: 39.90, side: 0.02)

    @Test("polygons and multipolygons become outlines with their tiers, positions as [longitude, latitude]")
    func reads() throws {
        let multi = #"""
            {"type": "MultiPolygon", "coordinates": [
              [[[116.50, 39.95], [116.51, 39.95], [116.51, 39.96], [116.50, 39.96], [116.50, 39.95]]],
              [[[116.52, 39.95, 40.0], [116.53, 39.95, 40.0], [116.53, 39.96, 40.0], [116.52, 39.96, 40.0], [116.52, 39.95, 40.0]]]
            ]}
            """#
        let boundaries = try Self.parse([
            PlaceFixtures.feature(
                code: "110105", geometry: PlaceFixtures.squarePolygon(longitude: 116.40, latitude: 39.85, side: 0.20)),
            PlaceFixtures.feature(code: "110105002", geometry: multi),
        ])
        #expect(boundaries.map(\.code) == ["110105", "110105002"])
        #expect(boundaries.map(\.tier) == [.district, .township])
        #expect(boundaries[0] == PlaceFixtures.chaoyang)
        #expect(boundaries[1] == PlaceFixtures.chaowai)
    }

    @Test("a numeric code is read as the division's code")
    func numericCode() throws {
        let feature = #"{"type": "Feature", "properties": {"code": 110108}, "geometry": \#(Self.square)}"#
        #expect(try Self.parse([feature]).map(\.code) == ["110108"])
    }

    @Test("an outline survives its storage form unchanged")
    func roundTrip() throws {
        let data = try JSONEncoder().encode([PlaceFixtures.jianwai, PlaceFixtures.chaowai])
        #expect(
            try JSONDecoder().decode([PlaceBoundary].self, from: data) == [
                PlaceFixtures.jianwai, PlaceFixtures.chaowai,
            ])
    }

    @Test("each fault names its feature and what is wrong")
    func faults() {
        let open =
            #"{"type": "Polygon", "coordinates": [[[116.0, 39.0], [116.1, 39.0], [116.1, 39.1], [116.0, 39.1]]]}"#
        let short = #"{"type": "Polygon", "coordinates": [[[116.0, 39.0], [116.1, 39.0], [116.0, 39.0]]]}"#
        let outOfRange =
            #"{"type": "Polygon", "coordinates": [[[116.0, 39.0], [216.1, 39.0], [116.1, 39.1], [116.0, 39.0]]]}"#
        let point = #"{"type": "Point", "coordinates": [116.0, 39.0]}"#
        let good = PlaceFixtures.feature(code: "110105", geometry: Self.square)
        let cases: [([String], GeoJSONBoundaryError)] = [
            ([good, PlaceFixtures.feature(code: nil, geometry: Self.square)], .init(feature: 1, reason: .missingCode)),
            (
                [PlaceFixtures.feature(code: "999999", geometry: Self.square)],
                .init(feature: 0, reason: .unknownCode("999999"))
            ),
            (
                [PlaceFixtures.feature(code: "110000", geometry: Self.square)],
                .init(feature: 0, reason: .municipalCode("110000"))
            ),
            ([good, good], .init(feature: 1, reason: .duplicateCode("110105", firstFeature: 0))),
            (
                [PlaceFixtures.feature(code: "110108", geometry: point)],
                .init(feature: 0, reason: .unsupportedGeometry(type: "Point"))
            ),
            (
                [PlaceFixtures.feature(code: "110108", geometry: "null")],
                .init(feature: 0, reason: .unsupportedGeometry(type: "null"))
            ),
            (
                [PlaceFixtures.feature(code: "110108", geometry: open)],
                .init(feature: 0, reason: .openRing(polygon: 0, ring: 0))
            ),
            (
                [PlaceFixtures.feature(code: "110108", geometry: short)],
                .init(feature: 0, reason: .shortRing(polygon: 0, ring: 0, positions: 3))
            ),
            (
                [PlaceFixtures.feature(code: "110108", geometry: outOfRange)],
                .init(feature: 0, reason: .invalidPosition(polygon: 0, ring: 0, position: 1))
            ),
            (
                [PlaceFixtures.feature(code: "110108", geometry: #"{"type": "Polygon", "coordinates": []}"#)],
                .init(feature: 0, reason: .emptyGeometry)
            ),
        ]
        for (features, expected) in cases {
            #expect(Self.fault(features) == expected)
        }
    }

    @Test("a file that is not a FeatureCollection, or not GeoJSON at all, is refused as a whole")
    func wholeFile() {
        let polygon = Data(Self.square.utf8)
        #expect(throws: GeoJSONBoundaryError(feature: nil, reason: .notFeatureCollection(type: "Polygon"))) {
            try GeoJSONBoundaries.parse(polygon, divisions: PlaceFixtures.divisions)
        }
        do {
            _ = try GeoJSONBoundaries.parse(Data("not json".utf8), divisions: PlaceFixtures.divisions)
            Issue.record("text that is not JSON was read as outlines")
        } catch {
            #expect(error.feature == nil)
            guard case .malformed = error.reason else {
                Issue.record("expected a malformed file, got \(error)")
                return
            }
        }
    }

    @Test("a type error inside a feature names the feature and the path")
    func decodingPath() {
        let error = Self.fault([
            PlaceFixtures.feature(code: "110105", geometry: Self.square),
            PlaceFixtures.feature(code: "110108", geometry: #"{"type": "Polygon", "coordinates": "none"}"#),
        ])
        #expect(error?.feature == 1)
        #expect(error?.description.hasPrefix("features[1]: ") == true)
    }

    @Test("an empty collection is no outline at all, which clears what was loaded")
    func empty() throws {
        #expect(try Self.parse([]).isEmpty)
    }
}
