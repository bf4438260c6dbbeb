// swift-tools-version:6.1
import PackageDescription

/// Where the run-time librdkafka (>= 2.1) is placed by `scripts/cluster install`.
/// Debian bookworm ships 2.0.2, which cannot talk to the local broker; the binaries are linked
/// against Debian's headers and find the newer library through this run path.
let kafkaRuntimeLibraryPath = Context.packageDirectory + "/.local/lib"

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let kafkaRunPath: [LinkerSetting] = [
    .unsafeFlags(["-Xlinker", "-rpath", "-Xlinker", kafkaRuntimeLibraryPath])
]

let package = Package(
    name: "hotline",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "intake-gateway", targets: ["IntakeGateway"]),
        .executable(name: "classifier-worker", targets: ["ClassifierWorker"]),
        .executable(name: "dispatcher", targets: ["Dispatcher"]),
        .executable(name: "sla-timer", targets: ["SLATimer"]),
        .executable(name: "scoring-aggregator", targets: ["ScoringAggregator"]),
        .executable(name: "hotline", targets: ["HotlineCLI"]),
        .executable(name: "hotline-lab", targets: ["HotlineLabCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
    ],
    targets: [
        // Pure domain: tickets, events, states. No I/O.
        .target(name: "HotlineDomain", swiftSettings: strictSettings),

        // Pure classification: the request classifier (catalog leaf, urgency, place) and the
        // gazetteer-aware text features it learns from.
        // Optimised in debug builds too: training is a numeric loop that the services and the
        // tests run at every start (seconds with -O, most of a minute without).
        .target(
            name: "HotlineClassifier", dependencies: ["HotlineDomain"],
            swiftSettings: strictSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]),

        // The synthetic city the simulator drives through the API: arrivals, places, categories,
        // bursts, and how each unit handles its tickets (pure, seeded).
        .target(name: "HotlineSimulation", dependencies: ["HotlineDomain"], swiftSettings: strictSettings),

        // Kafka: the C headers, and the one Swift wrapper over them.
        .systemLibrary(
            name: "CRDKafka",
            pkgConfig: "rdkafka",
            providers: [.apt(["librdkafka-dev"])]
        ),
        .target(
            name: "HotlineKafka",
            dependencies: [
                "CRDKafka",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings,
            linkerSettings: kafkaRunPath
        ),

        // Storage: PostgreSQL through PostgresNIO (migrations, outbox, processed events).
        .target(
            name: "HotlineStorage",
            dependencies: [
                "HotlineDomain",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // What every service shares: configuration, the health/metrics endpoint, the event
        // consumer loop with its dead-letter handling, the outbox relay.
        .target(
            name: "HotlineRuntime",
            dependencies: [
                "HotlineDomain", "HotlineKafka", "HotlineStorage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),

        // The use cases (intake, handling, review, reading) and the four workers, each a library
        // the executables and tests call.
        .target(
            name: "HotlineServices",
            dependencies: [
                "HotlineDomain", "HotlineClassifier", "HotlineStorage", "HotlineRuntime",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strictSettings
        ),

        // The HTTP API (Hummingbird): a typed request context, authentication middleware, routes
        // that decode, call one use case and encode, the API's views and problem documents.
        .target(
            name: "HotlineGateway",
            dependencies: [
                "HotlineDomain", "HotlineClassifier", "HotlineStorage", "HotlineRuntime", "HotlineServices",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strictSettings
        ),

        // The screens (HTML for operators, handlers, sub-centers and leaders), served by the
        // gateway: a session cookie instead of a bearer token, Mustache templates and the string
        // catalogs under `Screens/`, and the same use cases as the API.
        .target(
            name: "HotlineScreens",
            dependencies: [
                "HotlineDomain", "HotlineStorage", "HotlineRuntime", "HotlineServices", "HotlineGateway",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        .executableTarget(
            name: "IntakeGateway", dependencies: ["HotlineScreens", "HotlineRuntime"],
            path: "Sources/Executables/IntakeGateway",
            swiftSettings: strictSettings),
        .executableTarget(
            name: "ClassifierWorker", dependencies: ["HotlineServices", "HotlineRuntime"],
            path: "Sources/Executables/ClassifierWorker",
            swiftSettings: strictSettings),
        .executableTarget(
            name: "Dispatcher", dependencies: ["HotlineServices", "HotlineRuntime"],
            path: "Sources/Executables/Dispatcher",
            swiftSettings: strictSettings),
        .executableTarget(
            name: "SLATimer", dependencies: ["HotlineServices", "HotlineRuntime"], path: "Sources/Executables/SLATimer",
            swiftSettings: strictSettings),
        .executableTarget(
            name: "ScoringAggregator", dependencies: ["HotlineServices", "HotlineRuntime"],
            path: "Sources/Executables/ScoringAggregator",
            swiftSettings: strictSettings),

        // The lab: the city simulation, the demo, benchmarks, the load generator and the fault
        // suite's tools, run against a cluster or a scratch database.
        .target(
            name: "HotlineLab",
            dependencies: [
                "HotlineDomain", "HotlineClassifier", "HotlineSimulation", "HotlineKafka", "HotlineStorage",
                "HotlineRuntime", "HotlineServices", "HotlineGateway", "HotlineScreens",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),

        // `hotline`: administration of the platform.
        .executableTarget(
            name: "HotlineCLI",
            dependencies: [
                "HotlineDomain", "HotlineClassifier", "HotlineKafka", "HotlineStorage", "HotlineRuntime",
                "HotlineServices", "HotlineScreens",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Executables/HotlineCLI",
            swiftSettings: strictSettings
        ),

        // `hotline-lab`: the lab's tools on the command line.
        .executableTarget(
            name: "HotlineLabCLI",
            dependencies: [
                "HotlineLab", "HotlineDomain", "HotlineRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/Executables/HotlineLab",
            swiftSettings: strictSettings
        ),

        .testTarget(
            name: "HotlineUnitTests",
            dependencies: [
                "HotlineDomain", "HotlineClassifier", "HotlineSimulation", "HotlineStorage", "HotlineRuntime",
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings),
        // The Kafka wrapper against librdkafka's in-process mock cluster: no broker needed.
        .testTarget(
            name: "HotlineKafkaTests",
            dependencies: [
                "HotlineKafka",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "HotlineGatewayTests",
            dependencies: [
                "HotlineDomain", "HotlineStorage", "HotlineServices", "HotlineGateway", "HotlineScreens",
                "HotlineRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "HotlineIntegrationTests",
            dependencies: [
                "HotlineDomain", "HotlineClassifier", "HotlineKafka", "HotlineStorage", "HotlineRuntime",
                "HotlineServices", "HotlineGateway", "HotlineLab",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
