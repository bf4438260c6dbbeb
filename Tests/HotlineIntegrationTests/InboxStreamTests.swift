import Foundation
import HotlineDomain
import HotlineGateway
import HotlineLab
import HotlineRuntime
import HotlineServices
import HotlineStorage
import PostgresNIO
import Synchronization
import Testing

/// `GET /units/{code}/inbox/stream` through a real gateway on a test database: live delivery to
/// the unit's followers only, resuming with `Last-Event-ID` without gaps or duplicates, an item
/// of a transaction still open when a later one commits, and the scope checked before streaming.
@Suite("Inbox stream", .serialized)
struct InboxStreamTests {
    static let port = 18520
    static let township = "110105026"
    static let neighbour = "110105001"

    /// Events one client received, in order.
    final class Received: Sendable {
        private let events = Mutex<[ServerSentEvent]>([])

        func add(_ event: ServerSentEvent) { events.withLock { $0.append(event) } }
        var all: [ServerSentEvent] { events.withLock { $0 } }

        /// The event ids of the items received, once there are at least `count`.
        func ids(atLeast count: Int) async throws -> [String] {
            try await eventually("\(count) events") { all.count >= count ? all.map { $0.id ?? "" } : nil }
        }
    }

    /// A gateway on a fresh database, a token of the township's handler, tickets of the township.
    struct Setup: Sendable {
        var client: PostgresClient
        var token: String
        var tickets: [UUID]
        var port: Int

        /// Opens the township's stream, resuming after `lastEventId` when given.
        func follow(
            _ unit: String = InboxStreamTests.township, lastEventId: String? = nil, query: String = "",
            into received: Received
        ) async throws -> ServerSentEventConnection {
            var headers = [("Authorization", "Bearer \(token)")]
            if let lastEventId { headers.append(("Last-Event-ID", lastEventId)) }
            return try await ServerSentEventConnection.open(
                host: "127.0.0.1", port: port, path: "/units/\(unit)/inbox/stream\(query)", headers: headers
            ) { received.add($0) }
        }

        /// Records a dispatch of ticket `index` to `unit` (one inbox item) on `connection`; returns the event id.
        @discardableResult
        func dispatch(_ index: Int, to unit: String, on connection: PostgresConnection) async throws -> UUID {
            let event = EventStamp(producer: "test").event(
                about: tickets[index], TicketDispatched(unitCode: unit, urgency: .general, reason: "test \(index)"),
                at: Date())
            try await EventRecorder.record(event, trace: nil, on: connection, logger: TestEnvironment.logger)
            return event.metadata.id
        }

        /// `dispatch` in a transaction of its own.
        @discardableResult
        func dispatch(_ index: Int, to unit: String = InboxStreamTests.township) async throws -> UUID {
            try await client.withTransaction(logger: TestEnvironment.logger) {
                try await dispatch(index, to: unit, on: $0)
            }
        }

        /// The items after `position` a stream that does not stay open sends.
        func catchUp(after position: String) async throws -> [String] {
            let received = Received()
            let connection = try await follow(query: "?live=false&last_event_id=\(position)", into: received)
            try await connection.ended()
            return received.all.map { $0.id ?? "" }
        }
    }

    /// Runs `body` with a gateway on a fresh database (ports from `port` up).
    static func withGateway<T: Sendable>(port: Int, _ body: @Sendable (Setup) async throws -> T) async throws -> T {
        try await TestDatabase.with { client, database in
            try await RunningServices.prepare(client)
            let setup = Setup(
                client: client, token: try await RunningServices.token(.handler, unit: Self.township, on: client),
                tickets: try await InboxBenchFixtures.tickets(
                    10, of: Self.township, prefix: "S", on: client, logger: TestEnvironment.logger),
                port: port)
            let settings = RunningServices.settings(database: database, basePort: port)
            return try await RunningServices.with(
                [.intakeGateway], settings: settings, build: { try IntakeGateway.parts($1) }
            ) {
                try await APIClient(base: URL(string: "http://127.0.0.1:\(port)")!).waitUntilUp()
                return try await body(setup)
            }
        }
    }

    /// The `event_id` in an event's data.
    static func eventId(_ event: ServerSentEvent) -> String {
        (try? JSONSerialization.jsonObject(with: Data(event.data.utf8)) as? [String: Any])?["event_id"] as? String ?? ""
    }

    @Test(
        "a follower gets its unit's new items and no other unit's; a resume after Last-Event-ID gets exactly the missed ones"
    )
    func liveAndResume() async throws {
        try await Self.withGateway(port: Self.port) { setup in
            let first = Received()
            let connection = try await setup.follow(into: first)
            #expect(connection.status == 200)
            try await setup.dispatch(0, to: Self.neighbour)
            let own = try await setup.dispatch(1)
            let ids = try await first.ids(atLeast: 1)
            #expect(first.all.map(Self.eventId) == [own.uuidString], "only the township's item, not the neighbour's")
            #expect(first.all.first?.event == "dispatched")
            await connection.close()

            let missed = [try await setup.dispatch(2), try await setup.dispatch(3)]
            try await setup.dispatch(4, to: Self.neighbour)
            let resumed = Received()
            let again = try await setup.follow(lastEventId: ids[0], into: resumed)
            _ = try await resumed.ids(atLeast: 2)
            let later = try await setup.dispatch(5)
            let all = try await resumed.ids(atLeast: 3)
            #expect(
                resumed.all.map(Self.eventId) == (missed + [later]).map(\.uuidString), "missed, in order, then live")
            #expect(Set(all).count == all.count, "no duplicates")
            #expect(all == all.sorted { InboxPosition($0)! < InboxPosition($1)! })
            await again.close()
        }
    }

    @Test("an item of a transaction still open when a later one commits comes after it commits, before the later one")
    func openTransactionLeavesNoGap() async throws {
        try await Self.withGateway(port: Self.port + 10) { setup in
            let before = try await setup.catchUp(after: "0-0").last ?? "0-0"
            let live = Received()
            let connection = try await setup.follow(into: live)
            let (released, release) = AsyncStream.makeStream(of: Void.self)
            let (hasOpened, opened) = AsyncStream.makeStream(of: Void.self)
            // The slow transaction takes its id first and waits; the fast one commits; then the
            // slow one writes its item (a higher item id, a lower transaction id) and commits.
            let slow = Task {
                try await setup.client.withTransaction(logger: TestEnvironment.logger) { connection in
                    _ = try await InboxBenchFixtures.transaction(on: connection, logger: TestEnvironment.logger)
                    opened.yield()
                    for await _ in released { break }
                    return try await setup.dispatch(6, to: Self.township, on: connection)
                }
            }
            for await _ in hasOpened { break }
            let fast = try await setup.dispatch(7)
            #expect(
                try await setup.catchUp(after: before).isEmpty, "the later commit is held back while the older runs")
            release.yield()
            let slowEvent = try await slow.value
            _ = try await live.ids(atLeast: 2)
            #expect(live.all.map(Self.eventId) == [slowEvent.uuidString, fast.uuidString])
            let positions = live.all.map { $0.id ?? "" }
            #expect(try await setup.catchUp(after: before) == positions)
            #expect(try await setup.catchUp(after: positions[0]) == [positions[1]])
            await connection.close()
        }
    }

    @Test("a caller outside the unit's scope gets a 403 problem, not a stream")
    func outOfScope() async throws {
        try await Self.withGateway(port: Self.port + 20) { setup in
            let received = Received()
            let connection = try await setup.follow(Self.neighbour, into: received)
            #expect(connection.status == 403)
            try await connection.ended()
            #expect(received.all.isEmpty)
        }
    }

    @Test("a graceful shutdown of the gateway ends the streams still open")
    func shutdownEndsStreams() async throws {
        let open = try await Self.withGateway(port: Self.port + 30) { setup in
            let received = Received()
            let connection = try await setup.follow(into: received)
            #expect(connection.status == 200)
            return connection
        }
        // The gateway stopped, so the stream it served has ended rather than held the shutdown.
        try await open.ended()
    }
}
