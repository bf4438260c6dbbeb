import HotlineStorage
import PostgresNIO
import Testing

@Suite("Migrations")
struct MigrationTests {
    @Test("migrations apply in order, once, even with two migrators at once")
    func migrationsApplyOnce() async throws {
        try await TestDatabase.with(migrated: false) { client, _ in
            let files = try Migrator.load(from: TestDatabase.migrations)
            let first = try Migrator(client: client, directory: TestDatabase.migrations, logger: TestEnvironment.logger)
            let second = try Migrator(
                client: client, directory: TestDatabase.migrations, logger: TestEnvironment.logger)
            async let a = first.migrate()
            async let b = second.migrate()
            let (appliedByFirst, appliedBySecond) = try await (a, b)
            let again = try await first.migrate()

            #expect((appliedByFirst + appliedBySecond).sorted() == files.map(\.version))
            #expect(again.isEmpty)
            #expect(try await first.pending().isEmpty)
            #expect(
                try await TestDatabase.count("SELECT count(*)::bigint FROM schema_migrations", on: client)
                    == files.count)
        }
    }
}
