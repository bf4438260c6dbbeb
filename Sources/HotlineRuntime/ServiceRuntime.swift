public import HotlineDomain
public import HotlineKafka
import HotlineStorage
public import Hummingbird
public import Logging
public import PostgresNIO
import Prometheus
public import ServiceLifecycle

/// What every service gets: its settings, a logger, the database pool, the shared producer,
/// the clock, and where to record spans when tracing is on.
public struct ServiceResources: Sendable {
    public let kind: HotlineServiceKind
    public let settings: HotlineSettings
    public let logger: Logger
    public let database: PostgresClient
    public let producer: KafkaProducer
    public let clock: any HotlineClock
    /// Nil when `HOTLINE_OTEL_ENDPOINT` is unset: nothing is recorded.
    public let spans: SpanRecorder?
    /// Rung by the process's writers after they commit outbox rows; wakes its relay.
    public let doorbell: OutboxDoorbell

    /// A consume loop for this service's consumer group over the topics it reads, applying with `handler`.
    public func consumer(handler: any EventBatchHandler) throws -> EventConsumerService {
        let topics = kind.consumedTopics
        let configuration = KafkaConsumerConfiguration(
            client: settings.kafkaClient(kind.name), groupId: kind.name, topics: topics.map(\.name))
        return EventConsumerService(
            consumerName: kind.name, consumer: try KafkaConsumer(configuration: configuration, logger: logger),
            deadLetters: producer, database: database, handler: handler, topics: topics,
            batchSize: settings.consumerBatchSize, doorbell: doorbell, spans: spans,
            logger: logger)
    }
}

/// What a service adds to the common runtime: its long-running workers and its HTTP routes.
public struct ServiceParts: Sendable {
    public var workers: [any Service]
    public var routes: @Sendable (Router<BasicRequestContext>) -> Void
    /// Work done once at start before the service calls itself ready (`/readyz`): loading the
    /// reference data and training the classifier, so the first ticket does not wait for it.
    public var warmUp: @Sendable () async throws -> Void

    public init(
        workers: [any Service], routes: @escaping @Sendable (Router<BasicRequestContext>) -> Void = { _ in },
        warmUp: @escaping @Sendable () async throws -> Void = {}
    ) {
        self.workers = workers
        self.routes = routes
        self.warmUp = warmUp
    }
}

/// Runs one service until SIGTERM or SIGINT: PostgreSQL pool, Kafka producer, the outbox relay
/// for the service's own events, its workers, a sampler of its health figures (PostgreSQL
/// reachable, outbox backlog), the span exporter when tracing is on, and the HTTP endpoint with `/healthz`, `/readyz` and `/metrics`. Shutdown runs in reverse: HTTP stops, workers finish their batch, the relay
/// finishes its round, the producer flushes, the pool closes.
public enum ServiceRuntime {
    /// How often the relay looks for rows its doorbell did not announce (another process of the
    /// same service, or a writer that does not ring).
    static let relayPoll: Duration = .milliseconds(50)

    /// `clock` nil: the machine's clock, or the shared simulated clock when `HOTLINE_CLOCK=shared`.
    public static func run(
        _ kind: HotlineServiceKind, settings: HotlineSettings = HotlineSettings(), clock: (any HotlineClock)? = nil,
        build: (ServiceResources) throws -> ServiceParts
    ) async throws {
        let logger = Observability.logger(for: kind.name, level: settings.logLevel)
        let application = try makeApplication(kind, settings: settings, clock: clock, logger: logger, build: build)
        logger.info("starting", metadata: ["librdkafka": "\(KafkaLibrary.version)"])
        try await application.runService()
    }

    /// The application without running it, for tests that drive it directly.
    public static func makeApplication(
        _ kind: HotlineServiceKind, settings: HotlineSettings, clock: (any HotlineClock)?, logger: Logger,
        build: (ServiceResources) throws -> ServiceParts
    ) throws -> some ApplicationProtocol {
        let registry = Observability.bootstrapMetrics()
        let database = settings.database.makeClient(logger: logger)
        let sharedClock =
            clock == nil && settings.usesSharedClock ? SharedClock(database: database, logger: logger) : nil
        let clock = clock ?? sharedClock ?? SystemClock()
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(client: settings.kafkaClient(kind.name)), logger: logger)
        if settings.traceEndpoint == nil, let setting = settings.traceEndpointSetting {
            logger.error(
                "HOTLINE_OTEL_ENDPOINT is not an http:// URL; no spans are exported", metadata: ["value": "\(setting)"])
        }
        var spans: SpanRecorder?
        var exporter: OTLPTraceExporter?
        if let endpoint = settings.traceEndpoint {
            let recorder = SpanRecorder()
            spans = recorder
            exporter = OTLPTraceExporter(endpoint: endpoint, service: kind.name, recorder: recorder, logger: logger)
        }
        let doorbell = OutboxDoorbell()
        let resources = ServiceResources(
            kind: kind, settings: settings, logger: logger, database: database, producer: producer, clock: clock,
            spans: spans, doorbell: doorbell)
        let parts = try build(resources)
        let relay = OutboxRelay(
            .producer(kind.name), database: database, kafka: producer, batchSize: settings.relayBatchSize,
            idlePause: Self.relayPoll, doorbell: doorbell, spans: spans, logger: logger)

        let health = RuntimeHealthGauges(producer: kind.name)
        let healthSampler = PeriodicSampler("database and outbox", logger: logger) {
            let reachable = await DatabaseHealth.isReachable(database, logger: logger)
            health.record(reachable: reachable)
            guard reachable else { return }
            health.record(try await BacklogStore.outbox(producer: kind.name, on: database, logger: logger))
        }

        let router = Router()
        router.add(middleware: MetricsMiddleware())
        let warmUp = WarmUp(work: parts.warmUp, logger: logger)
        router.addHealthAndMetrics(service: kind.name, registry: registry) {
            guard warmUp.isDone else { return false }
            return await DatabaseHealth.isReachable(database, logger: logger)
        }
        parts.routes(router)
        return Application(
            router: router,
            configuration: .init(
                address: .hostname(settings.httpHost, port: settings.httpPort(of: kind)), serverName: kind.name),
            // The exporter stops last, to send the spans of the others' last work.
            services: (exporter.map { [$0] } ?? []) + [database] + (sharedClock.map { [$0] } ?? [])
                + [producer, relay, warmUp, healthSampler] + parts.workers,
            logger: logger)
    }
}
