public import Logging
public import PostgresNIO

/// Tells the live inbox feed that transactions adding inbox items have committed: PostgreSQL's
/// `LISTEN hotline_inbox` in production (`PostgresInboxCommitSignal`), a stand-in in router tests.
public protocol InboxCommitSignal: Sendable {
    /// Listens until cancelled or until the connection is lost (then it returns or throws), calling
    /// `signal` once listening has begun (items committed before then are read by catching up)
    /// and after every commit that added items.
    func listen(_ signal: @escaping @Sendable () -> Void) async throws
}

/// `LISTEN hotline_inbox` on one dedicated connection, outside every pool: migration 0015's
/// trigger notifies that channel when a transaction that inserted inbox items commits.
public struct PostgresInboxCommitSignal: InboxCommitSignal {
    /// The channel the `inbox_items` trigger notifies.
    public static let channel = "hotline_inbox"

    private let configuration: DatabaseConfiguration
    private let logger: Logger

    public init(configuration: DatabaseConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    public func listen(_ signal: @escaping @Sendable () -> Void) async throws {
        var connectionConfiguration = PostgresConnection.Configuration(
            host: configuration.host, port: configuration.port, username: configuration.username,
            password: configuration.password, database: configuration.database, tls: .disable)
        connectionConfiguration.options.connectTimeout = .seconds(5)
        let connection = try await PostgresConnection.connect(
            configuration: connectionConfiguration, id: 0, logger: logger)
        do {
            try await connection.listen(on: Self.channel) { notifications in
                signal()
                for try await _ in notifications { signal() }
            }
        } catch {
            try? await connection.close()
            throw error
        }
        try? await connection.close()
    }
}
