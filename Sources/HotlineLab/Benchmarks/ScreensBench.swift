import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineStorage
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import PostgresNIO

/// The server's time for each screen of the running gateway on the data it holds (a simulated
/// month in `make bench`): an administrator's session reads every page and fragment `samples`
/// times, one after another, and the gateway's own `Server-Timing` gives the time it spent on
/// each; a static file, served from memory, is the floor the pages stand against.
public struct ScreensBench {
    var samples: Int

    public init(samples: Int) {
        self.samples = samples
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    public func run(settings: HotlineSettings) async throws {
        var logger = Logger(label: "hotline-lab.bench.screens")
        logger.logLevel = .warning
        let host = settings.httpHost
        let port = settings.httpPort(of: .intakeGateway)
        let group = MultiThreadedEventLoopGroup.singleton
        let token = try await settings.database.withRunningClient(logger: logger) { database in
            try await database.session { [logger] in
                try await TokenStore.create(
                    name: "bench screens", role: .admin, unitCode: nil, expiresAt: Date().addingTimeInterval(3600),
                    at: Date(), on: $0, logger: logger
                ).secret
            }
        }
        try await HTTPConnection.session(host: host, port: port, group: group) { exchange in
            let signIn = try await exchange.send(
                .POST, "/ui/sign-in", body: ByteBuffer(string: "token=\(token)"),
                contentType: "application/x-www-form-urlencoded")
            guard let cookie = signIn.headers["Set-Cookie"].first?.split(separator: ";").first.map(String.init) else {
                throw Failure(description: "signing in with a token opened no session (status \(signIn.status))")
            }
            let (ticket, unit) = try await Self.busiestTicket(&exchange, token: token)
            let pages = [
                ("/ui/static/screens.css", "static file (the floor)"),
                ("/ui/sign-in?next=/ui/desk", "sign-in (redirect)"),
                ("/ui/desk", "operator's desk"),
                ("/ui/review", "review queue"),
                ("/ui/units/\(unit)", "workbench of \(unit)"),
                ("/ui/tickets/\(ticket)", "ticket page"),
                ("/ui/supervision", "supervision board"),
                ("/ui/big-screen", "big screen"),
                ("/ui/assessment", "assessment"),
            ]
            print("server time per screen (Server-Timing), \(samples) reads each, one at a time, as an administrator")
            for (path, label) in pages {
                var server: [Double] = []
                var bytes = 0
                for _ in 0..<samples {
                    let reply = try await exchange.send(.GET, path, headers: [("Cookie", cookie)])
                    guard (200..<400).contains(reply.status) else {
                        throw Failure(description: "\(path) answered \(reply.status)")
                    }
                    bytes = reply.body.readableBytes
                    if let timing = reply.headers["Server-Timing"].first, let duration = Self.duration(timing) {
                        server.append(duration / 1000)
                    }
                }
                let summary = LatencySummary(seconds: server)
                print(
                    "  " + label.padding(toLength: 48, withPad: " ", startingAt: 0)
                        + String(format: "p50 %6.2f ms  p99 %6.2f ms  %7d bytes", summary.p50, summary.p99, bytes))
            }
        }
    }

    /// `app;dur=12.5` → 12.5.
    static func duration(_ header: String) -> Double? {
        header.split(separator: ";").first { $0.hasPrefix("dur=") }.flatMap { Double($0.dropFirst(4)) }
    }

    /// A ticket of the unit with the most tickets in the newest page of the list, and that unit.
    static func busiestTicket(
        _ exchange: inout HTTPConnection.Exchange, token: String
    ) async throws -> (
        String, String
    ) {
        let reply = try await exchange.send(.GET, "/tickets?limit=200", headers: [("Authorization", "Bearer \(token)")])
        struct Listing: Decodable {
            struct Item: Decodable {
                var id: String
                var unit_code: String?
            }
            var items: [Item]
        }
        let items = try JSONDecoder().decode(Listing.self, from: Data(reply.body.readableBytesView)).items
        let counts = Dictionary(grouping: items.filter { $0.unit_code != nil }, by: { $0.unit_code! })
        guard let busiest = counts.max(by: { $0.value.count < $1.value.count }), let ticket = busiest.value.first else {
            throw Failure(description: "the gateway lists no dispatched ticket to read")
        }
        return (ticket.id, busiest.key)
    }
}
