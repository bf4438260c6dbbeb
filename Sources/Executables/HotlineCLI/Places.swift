import ArgumentParser
import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineStorage
import Logging

/// `hotline places load-boundaries|locate`: the district and township outlines that locate a
/// point, and locating one.
struct Places: AsyncParsableCommand {
    /// Errors only: the pool warns when a lease races its own start-up, which is harmless here.
    static let quietLogger: Logger = Observability.logger(for: "hotline", level: .error)

    static let configuration = CommandConfiguration(
        abstract: "Load the districts' and townships' outlines (GeoJSON) and locate a point among them.",
        subcommands: [LoadBoundaries.self, Locate.self])

    struct LoadBoundaries: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "load-boundaries",
            abstract:
                "Replace every outline with those of a GeoJSON FeatureCollection: one feature per district or township, properties.code its division code, a Polygon or MultiPolygon geometry ([longitude, latitude], WGS-84)."
        )

        @Argument(help: "The GeoJSON file.") var file: String

        func run() async throws {
            let settings = HotlineSettings()
            let divisions = try ReferenceData(schemaDirectory: settings.schemaDirectory).divisions
            let boundaries: [PlaceBoundary]
            do {
                boundaries = try GeoJSONBoundaries.parse(
                    try Data(contentsOf: URL(fileURLWithPath: file)), divisions: divisions)
            } catch {
                throw ValidationError("\(file): \(error)")
            }
            try await withDatabase(settings, logger: Places.quietLogger) { client in
                try await PlaceBoundaryStore.replaceAll(boundaries, at: Date(), on: client, logger: Places.quietLogger)
            }
            let districts = boundaries.filter { $0.tier == .district }.count
            print("loaded \(districts) district and \(boundaries.count - districts) township outlines from \(file)")
        }
    }

    struct Locate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Locate a point (WGS-84) in the loaded outlines: a township, a district, or else the nearest district centre."
        )

        @Argument(help: "The latitude, -90...90.") var latitude: Double
        @Argument(help: "The longitude, -180...180.") var longitude: Double

        func validate() throws {
            guard (-90...90).contains(latitude), (-180...180).contains(longitude) else {
                throw ValidationError("the latitude must lie in -90...90 and the longitude in -180...180")
            }
        }

        func run() async throws {
            let settings = HotlineSettings()
            let divisions = try ReferenceData(schemaDirectory: settings.schemaDirectory).divisions
            let centres = try DistrictCentre.centres(schemaDirectory: settings.schemaDirectory)
            let boundaries = try await withDatabase(settings, logger: Places.quietLogger) { client in
                try await PlaceBoundaryStore.all(on: client, logger: Places.quietLogger)
            }
            let locator = PointLocator(boundaries: boundaries, centres: centres, divisions: divisions)
            let names = Dictionary(divisions.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
            func named(_ code: String) -> String { "\(code) \(names[code, default: ""])" }
            switch locator.locate(Coordinates(latitude: latitude, longitude: longitude)) {
            case .township(let district, let township):
                print("township \(named(township)), district \(named(district))")
            case .district(let district):
                print("district \(named(district)) (no township outline holds the point)")
            case .nearestDistrict(let district):
                print("nearest district \(named(district)) (no outline holds the point)")
            }
        }
    }
}
