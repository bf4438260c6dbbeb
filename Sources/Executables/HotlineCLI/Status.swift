import ArgumentParser
import Foundation
import HotlineDomain
import HotlineKafka
import HotlineRuntime
import HotlineStorage
import Logging

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `hotline status`: whether PostgreSQL, the broker and the five services answer.
struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check PostgreSQL, the broker, the topics and the five services; exit 1 if any is unhealthy.")

    func run() async throws {
        let settings = HotlineSettings()
        let logger = Observability.logger(for: "hotline", level: .critical)
        var healthy = true
        func report(_ name: String, _ ok: Bool, _ detail: String) {
            healthy = healthy && ok
            print("\(ok ? "ok  " : "FAIL") \(name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(detail)")
        }

        do {
            let directory = settings.schemaDirectory.appendingPathComponent("migrations")
            let (pending, backlog) = try await withDatabase(settings, logger: logger) { client in
                (
                    try await Migrator(client: client, directory: directory, logger: logger).pending(),
                    try await OutboxStore.backlog(on: client, logger: logger)
                )
            }
            report(
                "postgresql", pending.isEmpty,
                pending.isEmpty
                    ? "\(settings.database.host):\(settings.database.port), migrations applied, outbox backlog \(backlog.values.reduce(0, +))"
                    : "pending migrations: \(pending)")
        } catch {
            report(
                "postgresql", false,
                "\(settings.database.host):\(settings.database.port) unreachable: \(String(reflecting: error))")
        }

        do {
            let topics = try await KafkaAdmin(client: settings.kafkaClient("hotline-status")).listTopics()
            let missing = HotlineTopic.allCases.map(\.name).filter { topics[$0] == nil }
            report(
                "kafka", missing.isEmpty,
                missing.isEmpty
                    ? "\(settings.kafkaBrokers), librdkafka \(KafkaLibrary.version), \(HotlineTopic.allCases.count) topics"
                    : "missing topics: \(missing)")
        } catch {
            report("kafka", false, "\(settings.kafkaBrokers) unreachable: \(error)")
        }

        for service in HotlineServiceKind.allCases {
            let url = settings.localURL(of: service, path: "/readyz")
            let status = try? await URLSession.shared.data(from: url).1 as? HTTPURLResponse
            report(
                service.name, status?.statusCode == 200,
                "\(url.absoluteString) → \(status.map { String($0.statusCode) } ?? "no answer")")
        }
        if !healthy { throw ExitCode(1) }
    }
}
