public import Logging
public import PostgresNIO

/// How to reach PostgreSQL. Read from `HOTLINE_PG_*` variables by the services.
public struct DatabaseConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    /// Most connections this process opens.
    public var maximumConnections: Int

    public init(
        host: String, port: Int, username: String, password: String?, database: String, maximumConnections: Int = 20
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.maximumConnections = maximumConnections
    }

    /// The same server, another database.
    public func with(database: String) -> DatabaseConfiguration {
        var copy = self
        copy.database = database
        return copy
    }

    /// Runs `work` with a pool whose `run()` goes on beside it, then shuts the pool down: for
    /// short-lived tools and tests that have no service group.
    public func withRunningClient<T: Sendable>(
        logger: Logger, _ work: (PostgresClient) async throws -> T
    ) async throws -> T {
        let client = makeClient(logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await work(client)
        }
    }

    /// A pooled client; it connects once its `run()` is running (add it to the service group).
    /// `settings` are server settings for every session of the pool (`synchronous_commit`…);
    /// `maximumConnections` overrides the configured maximum.
    public func makeClient(
        logger: Logger, settings: [(String, String)] = [], maximumConnections: Int? = nil
    ) -> PostgresClient {
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: .disable)
        configuration.options.maximumConnections = maximumConnections ?? self.maximumConnections
        configuration.options.additionalStartupParameters = settings
        configuration.options.connectTimeout = .seconds(5)
        return PostgresClient(configuration: configuration, backgroundLogger: logger)
    }
}
