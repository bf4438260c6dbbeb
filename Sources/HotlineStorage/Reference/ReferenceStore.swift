public import HotlineDomain
public import Logging
public import PostgresNIO

/// Keeps the reference data (catalog, divisions, urgency cues, knowledge base) in PostgreSQL,
/// where services and analysts read it.
public enum ReferenceStore {
    /// Replaces every reference table's rows with `data`, inside the caller's transaction.
    public static func replace(with data: ReferenceData, on connection: PostgresConnection, logger: Logger) async throws
    {
        // One statement; the only foreign keys among these tables are deferred to the commit.
        // DELETE rather than TRUNCATE, whose lock would wait for every reader.
        try await connection.query(
            """
            WITH aliases AS (DELETE FROM division_aliases), short_forms AS (DELETE FROM ambiguous_short_forms),
                cues AS (DELETE FROM urgency_cues), articles AS (DELETE FROM knowledge_articles),
                catalog AS (DELETE FROM catalog_entries), divisions AS (DELETE FROM divisions),
                units AS (DELETE FROM org_units), specialties AS (DELETE FROM unit_specialties),
                policies AS (DELETE FROM sla_policies), assessment AS (DELETE FROM assessment_policy)
            SELECT 1
            """, logger: logger)
        let entries = data.catalog.entries.values.sorted { $0.code < $1.code }
        try await connection.query(
            """
            INSERT INTO catalog_entries (code, parent_code, level, name, responsible, default_urgency, keywords, examples)
            SELECT code, NULLIF(parent, ''), level, name, NULLIF(responsible, ''), NULLIF(urgency, ''),
                   COALESCE(string_to_array(NULLIF(keywords, ''), '|'), '{}'), COALESCE(string_to_array(NULLIF(examples, ''), '|'), '{}')
            FROM unnest(\(entries.map(\.code)), \(entries.map { $0.parentCode ?? "" }), \(entries.map(\.level)),
                        \(entries.map(\.name)), \(entries.map { $0.responsible?.description ?? "" }),
                        \(entries.map { $0.defaultUrgency?.rawValue ?? "" }), \(entries.map { $0.keywords.joined(separator: "|") }),
                        \(entries.map { $0.examples.joined(separator: "|") }))
                 AS rows(code, parent, level, name, responsible, urgency, keywords, examples)
            """, logger: logger)
        try await connection.query(
            """
            INSERT INTO divisions (code, parent_code, tier, name)
            SELECT code, NULLIF(parent, ''), tier, name
            FROM unnest(\(data.divisions.map(\.code)), \(data.divisions.map { $0.parentCode ?? "" }),
                        \(data.divisions.map(\.tier.rawValue)), \(data.divisions.map(\.name))) AS rows(code, parent, tier, name)
            """, logger: logger)
        let aliases = data.aliases.sorted { $0.key < $1.key }
        try await connection.query(
            "INSERT INTO division_aliases (alias, code) SELECT * FROM unnest(\(aliases.map(\.key)), \(aliases.map(\.value)))",
            logger: logger)
        try await connection.query(
            "INSERT INTO ambiguous_short_forms (short_form) SELECT * FROM unnest(\(data.ambiguousShortForms.sorted()))",
            logger: logger)
        let cues = data.cues.phrases
        try await connection.query(
            "INSERT INTO urgency_cues (tier, phrase) SELECT * FROM unnest(\(cues.map(\.tier.rawValue)), \(cues.map(\.phrase))) ON CONFLICT DO NOTHING",
            logger: logger)
        let articles = data.knowledge
        try await connection.query(
            """
            INSERT INTO knowledge_articles (id, category_code, question, keywords, answer)
            SELECT id, category, question, COALESCE(string_to_array(NULLIF(keywords, ''), '|'), '{}'), answer
            FROM unnest(\(articles.map(\.id)), \(articles.map(\.categoryCode)), \(articles.map(\.question)),
                        \(articles.map { $0.keywords.joined(separator: "|") }), \(articles.map(\.answer)))
                 AS rows(id, category, question, keywords, answer)
            """, logger: logger)
        try await replaceUnits(of: data, on: connection, logger: logger)
        let limits = data.timeLimits.records
        func column(_ name: String) -> [String] { limits.map { $0[name, default: ""] } }
        try await connection.query(
            """
            INSERT INTO sla_policies (district_code, tier, sign_for_minutes, assign_minutes, finish_minutes, reminder_percent,
                                      checkpoint_days, progress_days, escalate_center_hours, meeting_days,
                                      send_back_minutes, sign_off_minutes, dispatch_down_minutes, report_back_minutes)
            SELECT district, tier, sign_for::float8, assign::float8, NULLIF(finish, '')::float8, reminder::float8,
                   COALESCE(string_to_array(NULLIF(checkpoints, ''), '|')::int[], '{}'), NULLIF(progress, '')::float8, escalate::float8,
                   NULLIF(meeting, '')::float8, NULLIF(send_back, '')::float8, NULLIF(sign_off, '')::float8,
                   NULLIF(dispatch_down, '')::float8, NULLIF(report_back, '')::float8
            FROM unnest(\(column("district_code")), \(column("tier")), \(column("sign_for_minutes")), \(column("assign_minutes")),
                        \(column("finish_minutes")), \(column("reminder_percent")), \(column("checkpoint_days")), \(column("progress_days")),
                        \(column("escalate_center_hours")), \(column("meeting_days")), \(column("send_back_minutes")),
                        \(column("sign_off_minutes")), \(column("dispatch_down_minutes")), \(column("report_back_minutes")))
                 AS rows(district, tier, sign_for, assign, finish, reminder, checkpoints, progress, escalate, meeting,
                         send_back, sign_off, dispatch_down, report_back)
            """, logger: logger)
        try await replaceAssessmentPolicy(of: data, on: connection, logger: logger)
    }

    /// Writes the assessment policy.
    static func replaceAssessmentPolicy(
        of data: ReferenceData, on connection: PostgresConnection, logger: Logger
    ) async throws {
        let records = data.assessmentPolicy.records
        try await connection.query(
            "INSERT INTO assessment_policy (key, value) SELECT * FROM unnest(\(records.map(\.key)), \(records.map(\.value)))",
            logger: logger)
    }

    /// The time limits as PostgreSQL holds them.
    public static func timeLimits(on connection: PostgresConnection, logger: Logger) async throws -> TimeLimitPolicy {
        var records: [[String: String]] = []
        let rows = try await connection.query(
            """
            SELECT district_code, tier, sign_for_minutes::text, assign_minutes::text, COALESCE(finish_minutes::text, ''),
                   reminder_percent::text, array_to_string(checkpoint_days, '|'), COALESCE(progress_days::text, ''), escalate_center_hours::text,
                   COALESCE(meeting_days::text, ''),
                   ARRAY[COALESCE(send_back_minutes::text, ''), COALESCE(sign_off_minutes::text, ''),
                         COALESCE(dispatch_down_minutes::text, ''), COALESCE(report_back_minutes::text, '')]
            FROM sla_policies
            """, logger: logger)
        for try await (
            district, tier, signFor, assign, finish, reminder, checkpoints, progress, escalate, meeting, steps
        )
            in rows.decode(
                (String, String, String, String, String, String, String, String, String, String, [String]).self)
        {
            records.append([
                "district_code": district, "tier": tier, "sign_for_minutes": signFor, "assign_minutes": assign,
                "finish_minutes": finish,
                "reminder_percent": reminder, "checkpoint_days": checkpoints, "progress_days": progress,
                "escalate_center_hours": escalate, "meeting_days": meeting, "send_back_minutes": steps[0],
                "sign_off_minutes": steps[1], "dispatch_down_minutes": steps[2], "report_back_minutes": steps[3],
            ])
        }
        return try TimeLimitPolicy(records: records)
    }

    /// Writes the org units and the names of their specialties.
    static func replaceUnits(of data: ReferenceData, on connection: PostgresConnection, logger: Logger) async throws {
        let specialties = data.specialtyNames
        try await connection.query(
            "INSERT INTO unit_specialties (specialty, name) SELECT * FROM unnest(\(specialties.map(\.specialty)), \(specialties.map(\.name)))",
            logger: logger)
        let units = data.units
        try await connection.query(
            """
            INSERT INTO org_units (code, name, kind, specialty, district_code, parent_code)
            SELECT code, name, kind, NULLIF(specialty, ''), NULLIF(district, ''), NULLIF(parent, '')
            FROM unnest(\(units.map(\.code)), \(units.map(\.name)), \(units.map(\.kind.rawValue)), \(units.map { $0.specialty ?? "" }),
                        \(units.map { $0.districtCode ?? "" }), \(units.map { $0.parentCode ?? "" }))
                 AS rows(code, name, kind, specialty, district, parent)
            """, logger: logger)
    }

    /// The reference data as PostgreSQL holds it.
    public static func load(on connection: PostgresConnection, logger: Logger) async throws -> ReferenceData {
        var entries: [CatalogEntry] = []
        let catalogRows = try await connection.query(
            """
            SELECT code, parent_code, level, name, responsible, default_urgency, keywords, examples
            FROM catalog_entries ORDER BY code
            """, logger: logger)
        for try await (code, parent, level, name, responsible, urgency, keywords, examples) in catalogRows.decode(
            (String, String?, Int, String, String?, String?, [String], [String]).self)
        {
            entries.append(
                CatalogEntry(
                    code: code, parentCode: parent, level: level, name: name,
                    responsible: responsible.flatMap(ResponsibleUnit.init(notation:)),
                    defaultUrgency: try urgency.map {
                        try UrgencyTier.stored($0, column: "catalog_entries.default_urgency")
                    },
                    keywords: keywords, examples: examples))
        }
        var divisions: [Division] = []
        for try await (code, parent, tier, name) in try await connection.query(
            "SELECT code, parent_code, tier, name FROM divisions ORDER BY code", logger: logger
        ).decode((String, String?, String, String).self) {
            divisions.append(
                Division(
                    code: code, parentCode: parent,
                    tier: try Division.Tier.stored(tier, column: "divisions.tier"), name: name))
        }
        var communities: [Community] = []
        for try await (code, township, name) in try await connection.query(
            "SELECT code, parent_code, name FROM org_units WHERE kind = 'community' ORDER BY code", logger: logger
        ).decode((String, String, String).self) {
            communities.append(Community(code: code, townshipCode: township, name: name))
        }
        var aliases: [String: String] = [:]
        for try await (alias, code) in try await connection.query(
            "SELECT alias, code FROM division_aliases", logger: logger
        ).decode(
            (String, String).self)
        {
            aliases[alias] = code
        }
        var shortForms = Set<String>()
        for try await form in try await connection.query("SELECT short_form FROM ambiguous_short_forms", logger: logger)
            .decode(String.self)
        {
            shortForms.insert(form)
        }
        var cues: [(tier: UrgencyTier, phrase: String)] = []
        for try await (tier, phrase) in try await connection.query(
            "SELECT tier, phrase FROM urgency_cues ORDER BY tier, phrase", logger: logger
        ).decode((String, String).self) {
            cues.append((try UrgencyTier.stored(tier, column: "urgency_cues.tier"), phrase))
        }
        var knowledge: [KnowledgeArticle] = []
        for try await (id, category, question, keywords, answer) in try await connection.query(
            "SELECT id, category_code, question, keywords, answer FROM knowledge_articles ORDER BY id", logger: logger
        ).decode((String, String, String, [String], String).self) {
            knowledge.append(
                KnowledgeArticle(id: id, categoryCode: category, question: question, keywords: keywords, answer: answer)
            )
        }
        var specialties: [(specialty: String, name: String)] = []
        for try await (specialty, name) in try await connection.query(
            "SELECT specialty, name FROM unit_specialties ORDER BY specialty", logger: logger
        ).decode((String, String).self) {
            specialties.append((specialty, name))
        }
        return ReferenceData(
            catalog: try Catalog(entries), divisions: divisions, communities: communities, aliases: aliases,
            ambiguousShortForms: shortForms,
            cues: UrgencyCues(cues), knowledge: knowledge, specialtyNames: specialties,
            timeLimits: try await timeLimits(on: connection, logger: logger),
            assessmentPolicy: try await AssessmentStore.policy(on: connection, logger: logger))
    }
}
