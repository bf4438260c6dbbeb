import Foundation
import HotlineDomain
import HotlineStorage
import PostgresNIO
import Testing

/// The governance class's history read from stored monthly assessments in a real PostgreSQL.
@Suite("Governance class history (PostgreSQL)")
struct GovernanceClassStoreTests {
    /// Stores `unit`'s assessment of `month` (`YYYY-MM-01`) with `assessmentClass`.
    static func assess(
        _ unit: String, _ month: String, _ assessmentClass: String?, on client: PostgresClient
    ) async throws {
        try await client.query(
            """
            INSERT INTO monthly_assessments (month, unit_code, unit_name, tier, dispatched, signed_in_time, resolved,
                resolved_on_time, visited, solved, satisfied, sent_back, reopened, overdue, excluded, class, computed_at)
            VALUES (\(month)::date, \(unit), '街道' || \(unit), 'township', 40, 40, 30, 30, 20, 15, 15, 0, 0, 0, 0,
                    \(assessmentClass), now())
            """, logger: TestEnvironment.logger)
    }

    @Test(
        "a township's months in the class make one stay, closed by the first assessed month without it, in its district only"
    )
    func stays() async throws {
        try await TestDatabase.with { client, _ in
            try await client.query(
                """
                INSERT INTO org_units (code, name, kind, district_code) VALUES
                  ('110105026', '望京街道', 'township', '110105'), ('110101001', '东华门街道', 'township', '110101')
                """, logger: TestEnvironment.logger)
            for (month, wangjing, donghuamen) in [
                ("2026-08-01", "governance", nil), ("2026-09-01", "governance", "advanced"),
                ("2026-10-01", "rectification", "governance"), ("2026-11-01", nil, "governance"),
            ] as [(String, String?, String?)] {
                try await Self.assess("110105026", month, wangjing, on: client)
                try await Self.assess("110101001", month, donghuamen, on: client)
            }
            let history = try await client.withConnection {
                try await GovernanceClassStore.history(district: nil, on: $0, logger: TestEnvironment.logger)
            }
            #expect(history.months.count == 4)
            let spells = GovernanceClassHistory.spells(history.records, assessedMonths: history.months)
            #expect(
                spells == [
                    GovernanceClassSpell(
                        unitCode: "110101001", unitName: "街道110101001", firstMonth: "2026-10", lastMonth: "2026-11",
                        months: 2, leftIn: nil),
                    GovernanceClassSpell(
                        unitCode: "110105026", unitName: "街道110105026", firstMonth: "2026-08", lastMonth: "2026-09",
                        months: 2, leftIn: "2026-10"),
                ])
            let chaoyang = try await client.withConnection {
                try await GovernanceClassStore.history(district: "110105", on: $0, logger: TestEnvironment.logger)
            }
            #expect(Set(chaoyang.records.map(\.unitCode)) == ["110105026"])
        }
    }
}
