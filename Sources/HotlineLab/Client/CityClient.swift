import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineStorage

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The gateway's public API as the lab's clients (the demo, the city simulation) use it.
struct CityClient: Sendable {
    let base: URL
    let session: URLSession

    /// The longest a request may wait, queued behind the others and then answered, in seconds.
    static let requestTimeout: TimeInterval = 60

    /// A client of the intake gateway on this host, at the port `settings` give it.
    init(gatewayOf settings: HotlineSettings) {
        base = URL(string: "http://127.0.0.1:\(settings.httpPort(of: .intakeGateway))")!
        let configuration = URLSessionConfiguration.default
        configuration.httpMaximumConnectionsPerHost = 32
        configuration.timeoutIntervalForRequest = Self.requestTimeout
        session = URLSession(configuration: configuration)
    }

    /// An answer the client did not expect.
    struct Failure: Error, CustomStringConvertible {
        let status: Int
        let body: String
        var description: String { "gateway answered \(status): \(body.prefix(300))" }
    }

    /// Sends a request with `token` (and `query` parameters); retries when the gateway is briefly unavailable.
    @discardableResult
    func send(
        _ method: String, _ path: String, token: String, body: Any? = nil, headers: [String: String] = [:],
        query: [URLQueryItem] = []
    ) async throws -> (status: Int, data: Data) {
        try await send(method, path, token: token, headers: headers, query: query) { body }
    }

    /// Sends a request whose body `drawBody` makes afresh for each attempt, so that a time it carries
    /// (a deadline) is drawn when the attempt leaves, not when the first one did: under a fast
    /// simulated clock, the retries of a busy gateway span simulated days.
    @discardableResult
    func send(
        _ method: String, _ path: String, token: String, headers: [String: String] = [:],
        query: [URLQueryItem] = [], drawingBody drawBody: () -> Any?
    ) async throws -> (status: Int, data: Data) {
        var url = base.appendingPathComponent(path)
        if !query.isEmpty { url.append(queryItems: query) }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        var attempt = 0
        while true {
            attempt += 1
            if let body = drawBody() {
                request.httpBody = try JSONSerialization.data(withJSONObject: body)
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            }
            do {
                let (data, response) = try await session.data(for: request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                if status == 503 || status == 502, attempt < 20 {
                    try await Task.sleep(for: .milliseconds(200 * attempt))
                    continue
                }
                return (status, data)
            } catch  where attempt < 20 && !(error is CancellationError) {
                try await Task.sleep(for: .milliseconds(200 * attempt))
            }
        }
    }

    /// The ticket `id` as the gateway shows it.
    func ticket(_ id: UUID, token: String) async throws -> TicketRecord {
        try Self.record(try await send("GET", "tickets/\(id)", token: token), expecting: 200)
    }

    /// Records `request` as a new ticket.
    func create(_ request: TicketRequest, token: String) async throws -> TicketRecord {
        let body = try JSONSerialization.jsonObject(with: JSONEncoder().encode(request))
        return try Self.record(try await send("POST", "tickets", token: token, body: body), expecting: 201)
    }

    private static func record(_ reply: (status: Int, data: Data), expecting expected: Int) throws -> TicketRecord {
        let (status, data) = reply
        guard status == expected else { throw Failure(status: status, body: String(decoding: data, as: UTF8.self)) }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(TicketRecord.self, from: data)
    }
}
