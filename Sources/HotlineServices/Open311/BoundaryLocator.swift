public import Foundation
public import HotlineDomain
public import HotlineRuntime
import HotlineStorage
public import Logging
public import PostgresNIO
import Synchronization

/// Locates points in the outlines the city loaded (`hotline places load-boundaries`), with the
/// district centres for points no outline holds. The outlines are read again at most once every
/// `refresh`, so a new file reaches a running gateway within that time.
public final class BoundaryLocator: PointLocating {
    private struct Loaded: Sendable {
        var locator: PointLocator
        var at: Date
    }

    private let database: PostgresClient
    private let reference: any ReferenceSource
    private let centres: [DistrictCentre]
    private let clock: any HotlineClock
    private let refresh: TimeInterval
    private let logger: Logger
    private let loaded = Mutex<Loaded?>(nil)

    public init(
        database: PostgresClient, reference: any ReferenceSource, centres: [DistrictCentre], clock: any HotlineClock,
        refresh: TimeInterval = 60, logger: Logger
    ) {
        self.database = database
        self.reference = reference
        self.centres = centres
        self.clock = clock
        self.refresh = refresh
        self.logger = logger
    }

    public func locate(_ point: Coordinates) async throws -> PointLocation {
        let now = clock.now()
        if let current = loaded.withLock({ $0 }), now.timeIntervalSince(current.at) < refresh {
            return current.locator.locate(point)
        }
        let boundaries = try await PlaceBoundaryStore.all(on: database, logger: logger)
        let divisions = try await reference.current().reference.divisions
        let locator = PointLocator(boundaries: boundaries, centres: centres, divisions: divisions)
        loaded.withLock { $0 = Loaded(locator: locator, at: now) }
        return locator.locate(point)
    }
}
