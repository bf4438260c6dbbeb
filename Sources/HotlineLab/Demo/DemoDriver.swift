import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineStorage
import Logging
import PostgresNIO

/// Records a few tickets through the gateway's API with a token made for the purpose, and
/// follows each until the pipeline has dispatched it (or queued it for review).
package struct DemoDriver: Sendable {
    /// How many tickets to submit.
    package var count: Int
    /// Seconds to wait for every ticket to be settled.
    package var timeout: Int

    /// A demo of `count` tickets, waiting up to `timeout` seconds.
    package init(count: Int, timeout: Int) {
        self.count = count
        self.timeout = timeout
    }

    /// Runs the demo against the cluster `settings` describe; returns how many tickets were
    /// still unsettled when the wait gave up. The demo's token is revoked at the end.
    package func run(settings: HotlineSettings) async throws -> Int {
        // The pool warns when a lease races its own start-up, which is harmless here.
        let poolLogger = Observability.logger(for: "hotline-lab", level: .error)
        let logger = Observability.logger(for: "hotline-lab", level: .warning)
        return try await settings.database.withRunningClient(logger: poolLogger) { database in
            let token = try await database.session {
                try await TokenStore.create(
                    name: "demo", role: .operator, unitCode: nil, at: Date(), on: $0, logger: logger)
            }
            let outcome: Result<Int, any Error>
            do {
                outcome = .success(try await exercise(CityClient(gatewayOf: settings), token: token.secret))
            } catch {
                outcome = .failure(error)
            }
            _ = try await database.session {
                try await TokenStore.revoke(token.id, at: Date(), on: $0, logger: logger)
            }
            return try outcome.get()
        }
    }

    /// Submits the tickets and follows them until each is settled; returns how many are not.
    private func exercise(_ gateway: CityClient, token: String) async throws -> Int {
        let samples = DemoRequests.all
        var created: [TicketRecord] = []
        for index in 0..<count {
            created.append(try await gateway.create(samples[index % samples.count], token: token))
        }
        print("submitted \(created.count) tickets; waiting for each to be dispatched or queued for review")
        let settled: Set<TicketState> = [.dispatched, .needsReview, .answeredDirectly]
        let deadline = Date().addingTimeInterval(TimeInterval(timeout))
        var latest = created
        while latest.contains(where: { !settled.contains($0.state) }), Date() < deadline {
            try await Task.sleep(for: .milliseconds(200))
            for (index, ticket) in latest.enumerated() where !settled.contains(ticket.state) {
                latest[index] = try await gateway.ticket(ticket.id, token: token)
            }
        }
        for ticket in latest {
            let place = ticket.townshipCode ?? ticket.districtCode ?? "-"
            print(
                "\(ticket.number)  \(ticket.state.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0))  urgency \(ticket.urgency.rawValue)  category \(ticket.categoryCode ?? "-")  place \(place)  unit \(ticket.unitCode ?? "-")"
            )
        }
        let unsettled = latest.filter { !settled.contains($0.state) }.count
        guard unsettled == 0 else {
            print("\(unsettled) tickets were neither dispatched nor queued for review within \(timeout) s")
            return unsettled
        }
        print("all \(latest.count) tickets dispatched or queued for review")
        return 0
    }
}
