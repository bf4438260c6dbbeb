import Foundation
import HotlineDomain
import HotlineStorage
import Testing

/// The outlines in PostgreSQL: replaced as a whole, read back exactly, cleared by an empty load.
@Suite("Place boundary store")
struct PlaceBoundaryStoreTests {
    static func square(_ longitude: Double, _ latitude: Double, _ side: Double) -> [Coordinates] {
        [(0.0, 0.0), (side, 0.0), (side, side), (0.0, side), (0.0, 0.0)].map {
            Coordinates(latitude: latitude + $0.1, longitude: longitude + $0.0)
        }
    }

    static let district = PlaceBoundary(
        code: "110105", tier: .district, polygons: [[square(116.40, 39.85, 0.2)]])
    static let township = PlaceBoundary(
        code: "110105001", tier: .township,
        polygons: [[square(116.44, 39.90, 0.02), square(116.445, 39.905, 0.01)], [square(116.47, 39.90, 0.005)]])
    static let other = PlaceBoundary(code: "110108", tier: .district, polygons: [[square(116.20, 39.90, 0.1)]])

    @Test("a load replaces every outline; they read back by code, positions unchanged; an empty load clears them")
    func replaceAndRead() async throws {
        try await TestDatabase.with { client, _ in
            let logger = TestEnvironment.logger
            #expect(try await PlaceBoundaryStore.all(on: client, logger: logger).isEmpty)

            try await PlaceBoundaryStore.replaceAll(
                [Self.township, Self.district], at: Date(), on: client, logger: logger)
            #expect(try await PlaceBoundaryStore.all(on: client, logger: logger) == [Self.district, Self.township])

            try await PlaceBoundaryStore.replaceAll([Self.other], at: Date(), on: client, logger: logger)
            #expect(try await PlaceBoundaryStore.all(on: client, logger: logger) == [Self.other])

            try await PlaceBoundaryStore.replaceAll([], at: Date(), on: client, logger: logger)
            #expect(try await PlaceBoundaryStore.all(on: client, logger: logger).isEmpty)
        }
    }
}
