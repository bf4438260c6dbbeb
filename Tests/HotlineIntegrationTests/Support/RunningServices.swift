import Foundation
import HotlineDomain
import HotlineKafka
import HotlineRuntime
import HotlineServices
import HotlineStorage
import Hummingbird
import Logging
import PostgresNIO
import ServiceLifecycle

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Services of the platform running inside the test process against a test database and the
/// real broker, each on its own HTTP port.
enum RunningServices {
    /// Settings for services on `database`, with HTTP ports from `basePort` up.
    static func settings(database: DatabaseConfiguration, basePort: Int) -> HotlineSettings {
        var environment = [
            HotlineVariable.pgDatabase.name: database.database,
            HotlineVariable.pgHost.name: database.host,
            HotlineVariable.pgPort.name: String(database.port),
            HotlineVariable.kafkaBrokers.name: TestEnvironment.kafkaBrokers,
            HotlineVariable.schemaDirectory.name: TestDatabase.repositoryRoot.appendingPathComponent("Schemas").path,
            HotlineVariable.logLevel.name: "warning",
            HotlineVariable.modelCheckSeconds.name: "1",
            HotlineVariable.tokenCacheSeconds.name: "1",
        ]
        for (offset, kind) in HotlineServiceKind.allCases.enumerated() {
            environment[kind.portVariable.name] = String(basePort + offset)
        }
        return HotlineSettings(environment: environment)
    }

    /// Loads the reference data of `Schemas/` and makes sure the platform's topics exist.
    static func prepare(_ client: PostgresClient) async throws {
        let reference = try ReferenceData(
            schemaDirectory: TestDatabase.repositoryRoot.appendingPathComponent("Schemas"))
        try await client.withTransaction(logger: TestEnvironment.logger) {
            try await ReferenceStore.replace(with: reference, on: $0, logger: TestEnvironment.logger)
        }
        try await TestEnvironment.ensurePlatformTopics()
    }

    /// Runs the services `kinds` (built by `build`) while `body` runs, then stops them.
    static func with<T: Sendable>(
        _ kinds: [HotlineServiceKind], settings: HotlineSettings,
        build: @escaping @Sendable (HotlineServiceKind, ServiceResources) throws -> ServiceParts,
        _ body: @Sendable () async throws -> T
    ) async throws -> T {
        var applications: [any Service] = []
        for kind in kinds {
            applications.append(
                try ServiceRuntime.makeApplication(
                    kind, settings: settings, clock: SystemClock(), logger: TestEnvironment.logger
                ) {
                    try build(kind, $0)
                })
        }
        let services = ServiceGroup(
            configuration: .init(services: applications.map { .init(service: $0) }, logger: TestEnvironment.logger))
        let running = Task { try await services.run() }
        let result: Result<T, any Error>
        do {
            result = .success(try await body())
        } catch {
            result = .failure(error)
        }
        await services.triggerGracefulShutdown()
        try await running.value
        return try result.get()
    }

    /// Creates a token for `role` on `client` and returns its secret.
    static func token(_ role: Role, unit: String? = nil, on client: PostgresClient) async throws -> String {
        try await client.withConnection {
            try await TokenStore.create(
                name: "test \(role.rawValue)", role: role, unitCode: unit, at: Date(), on: $0,
                logger: TestEnvironment.logger
            ).secret
        }
    }
}

/// A minimal HTTP client for the gateway's API.
struct APIClient: Sendable {
    let base: URL
    var token: String?

    struct Reply: Sendable {
        let status: Int
        let headers: [String: String]
        let body: Data

        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    func send(
        _ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]
    ) async throws -> Reply {
        var request = URLRequest(url: URL(string: path, relativeTo: base)!)
        request.httpMethod = method
        request.httpBody = body
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            fields[String(describing: name).lowercased()] = String(describing: value)
        }
        return Reply(status: http.statusCode, headers: fields, body: data)
    }

    func send(
        _ method: String, _ path: String, json: [String: Any], headers: [String: String] = [:]
    ) async throws -> Reply {
        try await send(method, path, body: try JSONSerialization.data(withJSONObject: json), headers: headers)
    }

    /// Waits until the gateway answers `/healthz`.
    func waitUntilUp(within limit: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if let reply = try? await send("GET", "/healthz"), reply.status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TimedOut(description: "the gateway did not come up")
    }
}

/// Polls `probe` until it returns a value, or fails after `limit`.
func eventually<T>(
    within limit: Duration = .seconds(30), _ what: String, _ probe: () async throws -> T?
) async throws -> T {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if let value = try await probe() { return value }
        try await Task.sleep(for: .milliseconds(100))
    }
    throw TimedOut(description: "timed out waiting for \(what)")
}

/// Every element of `sequence`.
func all<S: AsyncSequence>(_ sequence: S) async throws -> [S.Element] {
    var elements: [S.Element] = []
    for try await element in sequence { elements.append(element) }
    return elements
}
