import ArgumentParser
import Foundation
import HotlineDomain
import HotlineKafka
import HotlineRuntime
import HotlineStorage
import Logging
import PostgresNIO

/// `hotline faults`: the fault suite's tools (`scripts/faults` drives them).
struct Faults: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Poison injection and the after-the-storm checks of the fault suite.",
        subcommands: [Poison.self, Check.self])

    /// `hotline faults poison`: malformed messages into every topic a service consumes.
    struct Poison: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send malformed messages to every consumed topic; print how many.")

        func run() async throws {
            let settings = HotlineSettings()
            let producer = try KafkaProducer(
                configuration: KafkaProducerConfiguration(client: settings.kafkaClient("hotline-faults")),
                logger: Observability.logger(for: "hotline-faults", level: .error))
            let topics = Set(HotlineServiceKind.allCases.flatMap(\.consumedTopics).map(\.name)).sorted()
            let bodies = [
                Array("not json at all".utf8),
                Array(
                    #"{"id":"\#(UUID())","type":"ticket.teleported","schema_version":1,"ticket_id":"\#(UUID())","occurred_at":"2026-11-22T08:00:00.000Z","producer":"faults","payload":{}}"#
                        .utf8),
                Array(
                    #"{"id":"\#(UUID())","type":"ticket.received","schema_version":1,"ticket_id":"\#(UUID())","occurred_at":"2026-11-22T08:00:00.000Z","producer":"faults","payload":{"number":7}}"#
                        .utf8),
            ]
            let messages = topics.flatMap { topic in
                bodies.map { KafkaOutgoingMessage(topic: topic, key: Array("poison".utf8), value: $0) }
            }
            try await producer.send(messages)
            await producer.close()
            print(messages.count)
        }
    }

    /// `hotline faults check`: what must hold once the cluster is quiet again.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Check with SQL that every accepted ticket exists once, was dispatched once, has its deadlines, and was scored."
        )

        @Option(help: "File of accepted ticket ids (from hotline load).") var acceptedFile: String
        @Option(help: "Seconds to wait for the pipeline to finish with them.") var wait = 120.0

        func run() async throws {
            let settings = HotlineSettings()
            let logger = Observability.logger(for: "hotline-faults", level: .error)
            let text = try String(contentsOfFile: acceptedFile, encoding: .utf8)
            let ids = text.split(separator: "\n").compactMap { UUID(uuidString: String($0)) }
            let violations = try await withDatabase(settings, logger: logger) { database in
                let deadline = ContinuousClock.now + .seconds(wait)
                var found = try await Self.violations(of: ids, on: database, logger: logger)
                while !found.isEmpty && ContinuousClock.now < deadline {
                    try await Task.sleep(for: .seconds(1))
                    found = try await Self.violations(of: ids, on: database, logger: logger)
                }
                return found
            }
            print("tickets accepted: \(ids.count)")
            for violation in violations { print("VIOLATION \(violation)") }
            print("violations: \(violations.count)")
            if !violations.isEmpty { throw ExitCode.failure }
        }

        /// Each rule that does not hold, with how many tickets break it.
        static func violations(of ids: [UUID], on database: PostgresClient, logger: Logger) async throws -> [String] {
            let checks: [(String, PostgresQuery)] = [
                (
                    "accepted tickets missing from PostgreSQL",
                    "SELECT count(*) FROM unnest(\(ids)::uuid[]) AS a(id) WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = a.id)"
                ),
                (
                    "tickets the load created but never saw accepted",
                    "SELECT count(*) FROM tickets t JOIN idempotency_keys k ON k.ticket_id = t.id WHERE k.key LIKE 'load-%' AND t.id <> ALL(\(ids)::uuid[])"
                ),
                (
                    "accepted tickets not dispatched",
                    "SELECT count(*) FROM tickets WHERE id = ANY(\(ids)::uuid[]) AND state <> 'dispatched'"
                ),
                (
                    "accepted tickets without deadlines",
                    "SELECT count(*) FROM unnest(\(ids)::uuid[]) AS a(id) WHERE NOT EXISTS (SELECT 1 FROM ticket_deadlines d WHERE d.ticket_id = a.id)"
                ),
                (
                    "lifecycle events recorded more than once",
                    """
                    SELECT count(*) FROM (SELECT 1 FROM ticket_history WHERE ticket_id = ANY(\(ids)::uuid[])
                      AND event_type IN ('ticket.received', 'ticket.classified', 'ticket.dispatched')
                      GROUP BY ticket_id, event_type HAVING count(*) > 1) AS repeated
                    """
                ),
                (
                    "dispatches the scoring aggregator never counted",
                    """
                    SELECT count(*) FROM ticket_history h WHERE h.ticket_id = ANY(\(ids)::uuid[]) AND h.event_type = 'ticket.dispatched'
                      AND NOT EXISTS (SELECT 1 FROM processed_events p WHERE p.consumer = 'scoring-aggregator' AND p.event_id = h.event_id)
                    """
                ),
                (
                    "timers fired more than once",
                    """
                    SELECT count(*) FROM (SELECT 1 FROM ticket_history WHERE event_type = 'sla.timer_fired'
                      GROUP BY ticket_id, body->'payload'->>'timer', body->'payload'->>'due_at' HAVING count(*) > 1) AS repeated
                    """
                ),
            ]
            var violations: [String] = []
            for (rule, query) in checks {
                for try await count in try await database.query(query, logger: logger).decode(Int.self) where count > 0
                {
                    violations.append("\(rule): \(count)")
                }
            }
            return violations
        }
    }
}
