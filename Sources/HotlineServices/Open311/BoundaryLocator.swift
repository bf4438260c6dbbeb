public import HotlineDomain
import HotlineStorage
public import Logging
public import PostgresNIO
import Synchronization

/// Locates points in the outlines the city loaded (`hotline places load-boundaries`), with the
/// district centres for points no outline holds. The outlines are kept in memory and read again
/// when their version in PostgreSQL changes (one small query per point), so a new file applies
/// to the next request.
public final class BoundaryLocator: PointLocating {
    private struct Loaded: Sendable {
        var locator: PointLocator
        var version: String
    }

    private let database: PostgresClient
    private let reference: any ReferenceSource
    private let centres: [DistrictCentre]
    private let logger: Logger
    private let loaded = Mutex<Loaded?>(nil)

    public init(
        database: PostgresClient, reference: any ReferenceSource, centres: [DistrictCentre], logger: Logger
    ) {
        self.database = database
        self.reference = reference
        self.centres = centres
        self.logger = logger
    }

    public func locate(_ point: Coordinates) async throws -> PointLocation {
        let version = try await PlaceBoundaryStore.version(on: database, logger: logger)
        if let current = loaded.withLock({ $0 }), current.version == version {
            return current.locator.locate(point)
        }
        let boundaries = try await PlaceBoundaryStore.all(on: database, logger: logger)
        let divisions = try await reference.current().reference.divisions
        let locator = PointLocator(boundaries: boundaries, centres: centres, divisions: divisions)
        loaded.withLock { $0 = Loaded(locator: locator, version: version) }
        return locator.locate(point)
    }
}
