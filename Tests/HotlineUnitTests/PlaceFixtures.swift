import Foundation
import HotlineDomain

/// Small made-up outlines around real divisions, in GeoJSON's `[longitude, latitude]` order.
enum PlaceFixtures {
    static let divisions = [
        Division(code: "110000", parentCode: nil, tier: .municipal, name: "北京市"),
        Division(code: "110105", parentCode: "110000", tier: .district, name: "朝阳区"),
        Division(code: "110108", parentCode: "110000", tier: .district, name: "海淀区"),
        Division(code: "110105001", parentCode: "110105", tier: .township, name: "建外街道"),
        Division(code: "110105002", parentCode: "110105", tier: .township, name: "朝外街道"),
    ]

    static let centres = [
        DistrictCentre(code: "110105", name: "朝阳区", longitude: 116.486409, latitude: 39.921489),
        DistrictCentre(code: "110108", name: "海淀区", longitude: 116.310316, latitude: 39.956074),
    ]

    /// A closed square ring with its south-west corner at (`longitude`, `latitude`).
    static func square(longitude: Double, latitude: Double, side: Double) -> [Coordinates] {
        [
            Coordinates(latitude: latitude, longitude: longitude),
            Coordinates(latitude: latitude, longitude: longitude + side),
            Coordinates(latitude: latitude + side, longitude: longitude + side),
            Coordinates(latitude: latitude + side, longitude: longitude),
            Coordinates(latitude: latitude, longitude: longitude),
        ]
    }

    /// 朝阳区 as the square 116.40…116.60 E, 39.85…40.05 N.
    static let chaoyang = PlaceBoundary(
        code: "110105", tier: .district, polygons: [[square(longitude: 116.40, latitude: 39.85, side: 0.20)]])

    /// 建外街道 as the square 116.44…116.46 E, 39.90…39.92 N with a hole 116.445…116.455, 39.905…39.915.
    static let jianwai = PlaceBoundary(
        code: "110105001", tier: .township,
        polygons: [
            [
                square(longitude: 116.44, latitude: 39.90, side: 0.02),
                square(longitude: 116.445, latitude: 39.905, side: 0.01),
            ]
        ])

    /// 朝外街道 as two squares: 116.50…116.51 E, 39.95…39.96 N and 116.52…116.53 E, 39.95…39.96 N.
    static let chaowai = PlaceBoundary(
        code: "110105002", tier: .township,
        polygons: [
            [square(longitude: 116.50, latitude: 39.95, side: 0.01)],
            [square(longitude: 116.52, latitude: 39.95, side: 0.01)],
        ])

    /// A FeatureCollection of `features`, each given as its JSON text.
    static func collection(_ features: [String]) -> Data {
        Data(#"{"type": "FeatureCollection", "features": [\#(features.joined(separator: ", "))]}"#.utf8)
    }

    /// A feature's JSON text: `code` (nil: no properties) with `geometry` as JSON text.
    static func feature(code: String?, geometry: String) -> String {
        let properties = code.map { #"{"code": "\#($0)", "name": "ignored"}"# } ?? "null"
        return #"{"type": "Feature", "properties": \#(properties), "geometry": \#(geometry)}"#
    }

    /// A polygon geometry's JSON text of one square ring.
    static func squarePolygon(longitude: Double, latitude: Double, side: Double) -> String {
        let ring = square(longitude: longitude, latitude: latitude, side: side)
            .map { "[\($0.longitude), \($0.latitude)]" }.joined(separator: ", ")
        return #"{"type": "Polygon", "coordinates": [[\#(ring)]]}"#
    }
}
