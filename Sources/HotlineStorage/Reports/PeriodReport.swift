public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// The hourly report, daily bulletin, weekly summary or monthly analysis (小时报、日通报、周汇总、
/// 月分析) of one period: what came in, from where, about what, and how the units did.
public struct PeriodReport: Sendable, Codable {
    /// A name and a count, with the previous period's count when compared.
    public struct Count: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        public var count: Int
        public var previous: Int?
        public var district: String?

        /// This count with its name, a place as callers said it, masked like free text
        /// (`PersonalDataMask.text`: phone and ID card numbers).
        var withPlaceMasked: Count {
            var masked = self
            masked.name = PersonalDataMask.text(name, callerName: nil)
            return masked
        }
    }

    /// One detected group request.
    public struct GroupRequest: Sendable, Codable {
        public var leafCode: String
        public var leafName: String
        public var townshipCode: String
        public var townshipName: String
        public var tickets: Int
        public var firstAt: Date

        enum CodingKeys: String, CodingKey {
            case tickets
            case leafCode = "leaf_code"
            case leafName = "leaf_name"
            case townshipCode = "township_code"
            case townshipName = "township_name"
            case firstAt = "first_at"
        }
    }

    /// One ticket that went overdue in the period: what the overdue list (超期清单) shows.
    public struct OverdueTicket: Sendable, Codable, Equatable {
        public var number: String
        public var categoryName: String
        public var townshipName: String
        public var unitCode: String
        public var unitName: String
        public var overdueAt: Date
        public var state: String

        enum CodingKeys: String, CodingKey {
            case number, state
            case categoryName = "category_name"
            case townshipName = "township_name"
            case unitCode = "unit_code"
            case unitName = "unit_name"
            case overdueAt = "overdue_at"
        }
    }

    /// One unit of the monthly ranking, as the JSON report lists it.
    public struct RankingEntry: Sendable, Codable, Equatable {
        public var unitCode: String
        public var unitName: String
        public var tier: String
        public var rank: Int?
        public var responseRate: Double?
        public var resolutionRate: Double?
        public var satisfactionRate: Double?
        public var score: Double?
        public var assessmentClass: String
        public var dispatched: Int

        public init(_ result: UnitAssessment) {
            unitCode = result.unitCode
            unitName = result.unitName
            tier = result.tier.rawValue
            rank = result.rank
            responseRate = result.responseRate
            resolutionRate = result.resolutionRate
            satisfactionRate = result.satisfactionRate
            score = result.score
            assessmentClass = result.assessmentClass?.rawValue ?? ""
            dispatched = result.figures.dispatched
        }

        enum CodingKeys: String, CodingKey {
            case tier, rank, score, dispatched
            case unitCode = "unit_code"
            case unitName = "unit_name"
            case responseRate = "response_rate"
            case resolutionRate = "resolution_rate"
            case satisfactionRate = "satisfaction_rate"
            case assessmentClass = "class"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(unitCode, forKey: .unitCode)
            try container.encode(unitName, forKey: .unitName)
            try container.encode(tier, forKey: .tier)
            try container.encode(rank, forKey: .rank)
            try container.encode(responseRate, forKey: .responseRate)
            try container.encode(resolutionRate, forKey: .resolutionRate)
            try container.encode(satisfactionRate, forKey: .satisfactionRate)
            try container.encode(score, forKey: .score)
            try container.encode(assessmentClass, forKey: .assessmentClass)
            try container.encode(dispatched, forKey: .dispatched)
        }
    }

    public var period: String
    /// Whose tickets it counts: `city`, or a district's or township's code (`ReportScope.key`).
    public var scope: String
    public var start: Date
    public var end: Date
    public var total: Int
    public var previousTotal: Int
    public var byChannel: [Count]
    public var byType: [Count]
    public var topCategories: [Count]
    /// The ten second-level categories and the ten leaves with the most tickets, each with the
    /// previous period's count (the trend).
    public var topSubcategories: [Count]
    public var topLeaves: [Count]
    public var byDistrict: [Count]
    public var topTownships: [Count]
    public var topTownshipsPerDistrict: [Count]
    /// The ten communities and villages (社区/村) with the most tickets, among those a township
    /// dispatched down to or whose grid worker reported; `district` is the district's code.
    public var topCommunities: [Count]
    /// The handling steps taken in the period by action (`HandlingAction`), the township's own
    /// flow included; a decision counts as `<action>.agreed` or `<action>.refused`.
    public var handlingSteps: [Count]
    public var groupRequests: [GroupRequest]
    /// The places with more than one ticket: a ticket's community (社区/村) when it has one,
    /// else the place as the caller said it (masked).
    public var hotSpots: [Count]
    public var overdue: [Count]
    /// The tickets that went overdue in the period, the oldest first (at most 200).
    public var overdueTickets: [OverdueTicket]
    /// Tickets put on townships' leadership-meeting agendas in the period, by district.
    public var meetingAgenda: [Count]
    /// Leadership-meeting decisions recorded in the period, by district.
    public var meetingDecisions: [Count]
    /// For a month: every assessed unit, township ranking first.
    public var ranking: [RankingEntry]?

    enum CodingKeys: String, CodingKey {
        case period, scope, start, end, total, overdue, ranking
        case previousTotal = "previous_total"
        case topSubcategories = "top_subcategories"
        case topLeaves = "top_leaves"
        case overdueTickets = "overdue_tickets"
        case byChannel = "by_channel"
        case byType = "by_type"
        case topCategories = "top_categories"
        case byDistrict = "by_district"
        case topTownships = "top_townships"
        case topTownshipsPerDistrict = "top_townships_per_district"
        case topCommunities = "top_communities"
        case handlingSteps = "handling_steps"
        case groupRequests = "group_requests"
        case hotSpots = "hot_spots"
        case meetingAgenda = "meeting_agenda"
        case meetingDecisions = "meeting_decisions"
    }
}

/// Builds period reports from the ticket tables.
public enum ReportQueries {
    /// The most overdue tickets a report lists.
    public static let overdueListLimit = 200

    /// The report of `start` to `end` in `scope`, compared with the period from `previousStart`.
    public static func report(
        period: String, start: Date, end: Date, previousStart: Date, scope: ReportScope = .city,
        ranking: [UnitAssessment]?, on connection: PostgresConnection, logger: Logger
    ) async throws -> PeriodReport {
        func counts(_ query: PostgresQuery, previous: Bool = false) async throws -> [PeriodReport.Count] {
            var result: [PeriodReport.Count] = []
            for try await (code, name, count, earlier, district) in try await connection.query(query, logger: logger)
                .decode((String, String, Int, Int, String?).self)
            {
                result.append(
                    PeriodReport.Count(
                        code: code, name: name, count: count, previous: previous ? earlier : nil, district: district))
            }
            return result
        }
        // Every query keeps a ticket when both codes are null or match.
        let (district, township) = (scope.districtCode, scope.townshipCode)
        /// The top 10 of one catalog level (`column` of tickets) with the previous period's counts.
        func top(_ column: String) async throws -> [PeriodReport.Count] {
            try await counts(
                """
                SELECT c.code, c.name, count(*) FILTER (WHERE received_at >= \(start) AND received_at < \(end)),
                    count(*) FILTER (WHERE received_at >= \(previousStart) AND received_at < \(start)), NULL::text
                FROM tickets t JOIN catalog_entries c ON c.code = t.\(unescaped: column)
                WHERE received_at >= \(previousStart) AND received_at < \(end)
                    AND (\(district)::text IS NULL OR t.district_code = \(district))
                    AND (\(township)::text IS NULL OR t.township_code = \(township))
                GROUP BY 1, 2 HAVING count(*) FILTER (WHERE received_at >= \(start) AND received_at < \(end)) > 0
                ORDER BY 3 DESC, 1 LIMIT 10
                """, previous: true)
        }
        let totals = try await counts(
            """
            SELECT 'all', 'all', count(*) FILTER (WHERE received_at >= \(start) AND received_at < \(end)),
                count(*) FILTER (WHERE received_at >= \(previousStart) AND received_at < \(start)), NULL::text
            FROM tickets t
            WHERE received_at >= \(previousStart) AND received_at < \(end)
                AND (\(district)::text IS NULL OR t.district_code = \(district))
                AND (\(township)::text IS NULL OR t.township_code = \(township))
            """,
            previous: true)
        return PeriodReport(
            period: period, scope: scope.key, start: start, end: end, total: totals.first?.count ?? 0,
            previousTotal: totals.first?.previous ?? 0,
            byChannel: try await counts(
                """
                SELECT channel, channel, count(*), 0, NULL::text FROM tickets t
                WHERE received_at >= \(start) AND received_at < \(end)
                    AND (\(district)::text IS NULL OR t.district_code = \(district))
                    AND (\(township)::text IS NULL OR t.township_code = \(township))
                GROUP BY 1 ORDER BY 3 DESC, 1
                """),
            byType: try await counts(
                """
                SELECT type, type, count(*), 0, NULL::text FROM tickets t
                WHERE received_at >= \(start) AND received_at < \(end)
                    AND (\(district)::text IS NULL OR t.district_code = \(district))
                    AND (\(township)::text IS NULL OR t.township_code = \(township))
                GROUP BY 1 ORDER BY 3 DESC, 1
                """),
            topCategories: try await top("level1_code"),
            topSubcategories: try await top("level2_code"),
            topLeaves: try await top("category_code"),
            byDistrict: try await counts(
                """
                SELECT d.code, d.name, count(t.id), 0, NULL::text FROM divisions d
                LEFT JOIN tickets t ON t.district_code = d.code AND t.received_at >= \(start) AND t.received_at < \(end)
                    AND (\(township)::text IS NULL OR t.township_code = \(township))
                WHERE d.tier = 'district' AND (\(district)::text IS NULL OR d.code = \(district))
                    AND (\(township)::text IS NULL OR d.code = (SELECT parent_code FROM divisions WHERE code = \(township)))
                GROUP BY 1, 2 ORDER BY 3 DESC, 1
                """),
            topTownships: try await counts(
                """
                SELECT d.code, d.name, count(*), 0, d.parent_code FROM tickets t JOIN divisions d ON d.code = t.township_code
                WHERE received_at >= \(start) AND received_at < \(end)
                    AND (\(district)::text IS NULL OR t.district_code = \(district))
                    AND (\(township)::text IS NULL OR t.township_code = \(township))
                GROUP BY 1, 2, 5 ORDER BY 3 DESC, 1 LIMIT 10
                """),
            topTownshipsPerDistrict: try await counts(
                """
                SELECT code, name, n, 0, parent_code FROM (
                    SELECT d.code, d.name, d.parent_code, count(*) AS n,
                        row_number() OVER (PARTITION BY d.parent_code ORDER BY count(*) DESC, d.code) AS place
                    FROM tickets t JOIN divisions d ON d.code = t.township_code
                    WHERE received_at >= \(start) AND received_at < \(end)
                        AND (\(district)::text IS NULL OR t.district_code = \(district))
                        AND (\(township)::text IS NULL OR t.township_code = \(township))
                    GROUP BY 1, 2, 3) AS ranked
                WHERE place <= 3 ORDER BY parent_code, n DESC, code
                """),
            topCommunities: try await counts(
                """
                SELECT o.code, o.name, count(*), 0, t.district_code FROM tickets t JOIN org_units o ON o.code = t.community_code
                WHERE received_at >= \(start) AND received_at < \(end)
                    AND (\(district)::text IS NULL OR t.district_code = \(district))
                    AND (\(township)::text IS NULL OR t.township_code = \(township))
                GROUP BY 1, 2, 5 ORDER BY 3 DESC, 1 LIMIT 10
                """),
            handlingSteps: try await counts(
                """
                SELECT step, step, count(*), 0, NULL::text FROM (
                    SELECT h.body -> 'payload' ->> 'action' || CASE (h.body -> 'payload' ->> 'approved')::boolean
                        WHEN true THEN '.agreed' WHEN false THEN '.refused' ELSE '' END AS step
                    FROM ticket_history h JOIN tickets t ON t.id = h.ticket_id
                    WHERE h.event_type = \(EventType.ticketHandled.rawValue) AND h.occurred_at >= \(start)
                        AND h.occurred_at < \(end)
                        AND (\(district)::text IS NULL OR t.district_code = \(district))
                        AND (\(township)::text IS NULL OR t.township_code = \(township))
                ) AS steps GROUP BY 1 ORDER BY 3 DESC, 1
                """),
            groupRequests: try await groups(start: start, end: end, scope: scope, on: connection, logger: logger),
            hotSpots: try await counts(
                """
                SELECT COALESCE(t.community_code, t.township_code, ''), COALESCE(o.name, t.place_text, ''), count(*), 0,
                    t.district_code
                FROM tickets t LEFT JOIN org_units o ON o.code = t.community_code
                WHERE received_at >= \(start) AND received_at < \(end)
                    AND (\(district)::text IS NULL OR t.district_code = \(district))
                    AND (\(township)::text IS NULL OR t.township_code = \(township))
                GROUP BY 1, 2, 5 HAVING count(*) > 1 ORDER BY 3 DESC, 2 LIMIT 10
                """
            ).map(\.withPlaceMasked),
            overdue: try await counts(
                """
                SELECT d.code, d.name, count(t.id), 0, NULL::text FROM divisions d
                LEFT JOIN tickets t ON t.district_code = d.code AND t.overdue_at >= \(start) AND t.overdue_at < \(end)
                    AND (\(township)::text IS NULL OR t.township_code = \(township))
                WHERE d.tier = 'district' AND (\(district)::text IS NULL OR d.code = \(district))
                    AND (\(township)::text IS NULL OR d.code = (SELECT parent_code FROM divisions WHERE code = \(township)))
                GROUP BY 1, 2 ORDER BY 3 DESC, 1
                """),
            overdueTickets: try await overdueTickets(
                start: start, end: end, district: district, township: township, on: connection, logger: logger),
            meetingAgenda: try await counts(
                """
                SELECT d.code, d.name, count(m.id), 0, NULL::text FROM divisions d
                LEFT JOIN meeting_agenda_items m ON m.district_code = d.code AND m.placed_at >= \(start) AND m.placed_at < \(end)
                    AND (\(township)::text IS NULL OR m.unit_code = \(township))
                WHERE d.tier = 'district' AND (\(district)::text IS NULL OR d.code = \(district))
                    AND (\(township)::text IS NULL OR d.code = (SELECT parent_code FROM divisions WHERE code = \(township)))
                GROUP BY 1, 2 ORDER BY 3 DESC, 1
                """),
            meetingDecisions: try await counts(
                """
                SELECT d.code, d.name, count(m.id), 0, NULL::text FROM divisions d
                LEFT JOIN meeting_agenda_items m ON m.district_code = d.code AND m.decided_at >= \(start) AND m.decided_at < \(end)
                    AND (\(township)::text IS NULL OR m.unit_code = \(township))
                WHERE d.tier = 'district' AND (\(district)::text IS NULL OR d.code = \(district))
                    AND (\(township)::text IS NULL OR d.code = (SELECT parent_code FROM divisions WHERE code = \(township)))
                GROUP BY 1, 2 ORDER BY 3 DESC, 1
                """),
            ranking: ranking.map { $0.map(PeriodReport.RankingEntry.init) })
    }

    static func overdueTickets(
        start: Date, end: Date, district: String?, township: String?, on connection: PostgresConnection, logger: Logger
    ) async throws -> [PeriodReport.OverdueTicket] {
        let rows = try await connection.query(
            """
            SELECT t.number, COALESCE(c.name, t.category_code, ''), COALESCE(d.name, t.township_code, ''),
                COALESCE(t.unit_code, ''), COALESCE(o.name, t.unit_code, ''), t.overdue_at, t.state
            FROM tickets t LEFT JOIN catalog_entries c ON c.code = t.category_code
                LEFT JOIN divisions d ON d.code = t.township_code LEFT JOIN org_units o ON o.code = t.unit_code
            WHERE t.overdue_at >= \(start) AND t.overdue_at < \(end)
                AND (\(district)::text IS NULL OR t.district_code = \(district))
                AND (\(township)::text IS NULL OR t.township_code = \(township))
            ORDER BY t.overdue_at, t.number LIMIT \(overdueListLimit)
            """, logger: logger)
        var tickets: [PeriodReport.OverdueTicket] = []
        for try await (number, category, townshipName, unit, unitName, overdueAt, state) in rows.decode(
            (String, String, String, String, String, Date, String).self)
        {
            tickets.append(
                PeriodReport.OverdueTicket(
                    number: number, categoryName: category, townshipName: townshipName, unitCode: unit,
                    unitName: unitName, overdueAt: overdueAt, state: state))
        }
        return tickets
    }

    static func groups(
        start: Date, end: Date, scope: ReportScope, on connection: PostgresConnection, logger: Logger
    ) async throws -> [PeriodReport.GroupRequest] {
        let (district, township) = (scope.districtCode, scope.townshipCode)
        let rows = try await connection.query(
            """
            SELECT g.leaf_code, COALESCE(c.name, g.leaf_code), g.township_code, COALESCE(d.name, g.township_code), g.ticket_count, g.first_at
            FROM group_requests g LEFT JOIN catalog_entries c ON c.code = g.leaf_code LEFT JOIN divisions d ON d.code = g.township_code
            WHERE g.detected_at >= \(start) AND g.detected_at < \(end)
                AND (\(district)::text IS NULL OR d.parent_code = \(district))
                AND (\(township)::text IS NULL OR g.township_code = \(township))
            ORDER BY g.ticket_count DESC, g.first_at
            """, logger: logger)
        var groups: [PeriodReport.GroupRequest] = []
        for try await (leaf, leafName, township, townshipName, count, first) in rows.decode(
            (String, String, String, String, Int, Date).self)
        {
            groups.append(
                PeriodReport.GroupRequest(
                    leafCode: leaf, leafName: leafName, townshipCode: township, townshipName: townshipName,
                    tickets: count, firstAt: first))
        }
        return groups
    }
}
