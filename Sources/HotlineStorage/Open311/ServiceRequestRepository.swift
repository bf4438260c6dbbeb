public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// Where the Open311 reads come from: PostgreSQL in production, a fixed list in router tests.
public protocol ServiceRequestRepository: Sendable {
    /// Up to `limit` filed requests matching `filter`, newest first.
    func requests(matching filter: ServiceRequestFilter, limit: Int) async throws -> [ServiceRequestRecord]
    /// The filed request whose token is `token`, or nil.
    func request(token: UUID) async throws -> ServiceRequestRecord?
}

/// The Open311 reads from PostgreSQL.
public struct PostgresServiceRequestRepository: ServiceRequestRepository {
    private let database: PostgresClient
    private let logger: Logger

    public init(database: PostgresClient, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    public func requests(matching filter: ServiceRequestFilter, limit: Int) async throws -> [ServiceRequestRecord] {
        try await database.session {
            try await ServiceRequestStore.requests(matching: filter, limit: limit, on: $0, logger: logger)
        }
    }

    public func request(token: UUID) async throws -> ServiceRequestRecord? {
        try await database.session {
            try await ServiceRequestStore.request(token: token, on: $0, logger: logger)
        }
    }
}
